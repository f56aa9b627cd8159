import { startTransition, StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { LiteApp } from './lite/LiteApp';
import { isLitePath } from './lite/routes';

// Public, sign-in and ballot pages run the light app (plain React, no Ant Design), imported here so the first
// load fetches it in parallel with React; every other page loads the full app on demand (issue 15).
const app: Promise<ComponentType> = isLitePath(window.location.pathname) ? Promise.resolve(LiteApp) : import('./App').then((m) => m.App);

// A transition render yields to the browser every few milliseconds instead of one long task: a slow phone stays
// responsive while the first page is built (Lighthouse's total blocking time).
void app.then((Root) => {
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <Root />
      </StrictMode>,
    ),
  );
});
