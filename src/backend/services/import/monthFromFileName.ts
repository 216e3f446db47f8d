/** A month named in a file name: 零售客户档案_202610.xlsx, 协议量_2026-10.xlsx → '2026-10'. */
export function monthFromFileName(fileName: string): string | null {
  const matches = [...fileName.matchAll(/(20\d{2})[-_.年]?(0[1-9]|1[0-2])(?!\d)/g)];
  const last = matches.at(-1);
  return last ? `${last[1]}-${last[2]}` : null;
}
