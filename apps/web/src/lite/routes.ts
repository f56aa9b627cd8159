/**
 * The paths served by the light shell (issue 15): pages owners and visitors open on a phone, none of which needs Ant
 * Design or the admin layout. main.tsx picks the light app for these on a first load; everything else loads the full app.
 */
const LITE_PATHS: RegExp[] = [
  /^\/login\/?$/,
  /^\/activate\/?$/,
  /^\/p\/[^/]+\/?$/,
  /^\/verify(\/[^/]+)?\/?$/,
  /^\/c\/[^/]+\/my-votes\/[^/]+\/?$/,
];

export function isLitePath(pathname: string): boolean {
  return LITE_PATHS.some((p) => p.test(pathname));
}

let inLiteApp = false;

/** Set once by LiteApp: pages shared by both apps then know a non-light destination needs a full page load. */
export function markLiteApp(): void {
  inLiteApp = true;
}

/**
 * Where a light page sends the user next: inside the full app a router navigation, inside the light app a full page
 * load for paths the light app does not serve (the URL changes only when the full app is actually loading).
 */
export function leaveTo(path: string, navigate: (to: string, options: { replace: boolean }) => void): void {
  if (inLiteApp && !isLitePath(path.split(/[?#]/)[0])) window.location.replace(path);
  else navigate(path, { replace: true });
}
