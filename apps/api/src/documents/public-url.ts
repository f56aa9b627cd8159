/**
 * Printed documents carry a QR code to `${PUBLIC_URL}/verify/<number>`: a localhost address on a notice board
 * leads nowhere. Outside development and tests the server says so at start (it still starts).
 */
export function publicUrlWarning(publicUrl: string, nodeEnv: string | undefined): string | null {
  if (nodeEnv === 'development' || nodeEnv === 'test') return null;
  let host: string;
  try {
    host = new URL(publicUrl).hostname;
  } catch {
    return null;
  }
  if (!/^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1|0\.0\.0\.0)$/.test(host)) return null;
  return `PUBLIC_URL 为 ${publicUrl}：盖章文书上的验章二维码将指向本机地址，居民扫码无法打开。请把 PUBLIC_URL 设为居民可访问的网址。`;
}
