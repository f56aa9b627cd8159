/** The message of whatever a command's promise rejected with: libraries sometimes reject with nothing or a string. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? '未知错误 unknown error' : String(error);
}
