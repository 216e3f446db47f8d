/** What Electron's preload exposes on window.kaoping: two functions, nothing else. */
export interface KaopingBridge {
  invoke(name: string, arg: unknown): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

export function findKaopingBridge(): KaopingBridge | null {
  const candidate = (window as unknown as { kaoping?: unknown }).kaoping;
  if (candidate && typeof candidate === 'object') {
    const { invoke, on } = candidate as Partial<KaopingBridge>;
    if (typeof invoke === 'function' && typeof on === 'function') return candidate as KaopingBridge;
  }
  return null;
}
