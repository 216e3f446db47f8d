/**
 * Exports write "nothing found" in several ways; anything else in a violation column
 * (假烟, 私烟/非法渠道, 违禁品, 无证经营, 其他 …) is a violation.
 */
const NO_VIOLATION = new Set(['', '无', '没有', '否', '正常', '合格', '无违规', '未发现', '未发现违规', '-', '/']);

export function isViolation(value: string | null): boolean {
  return value !== null && !NO_VIOLATION.has(value.trim());
}
