/** "无" and its kin fill the 发现问题 column of entries that found nothing. */
const NOTHING_FOUND = new Set(['', '无', '暂无', '没有', '无问题', '未发现问题', '未发现', '正常', '-', '/']);

export function isReportedProblem(problems: string | null): boolean {
  return problems !== null && !NOTHING_FOUND.has(problems.trim());
}
