import type { Kysely } from 'kysely';

/**
 * Frozen. Two columns real exports carry that were dropped until now:
 * - attendance.source: DingTalk's 数据来源 (手机打卡, 考勤机, 补打卡/补卡审批 …), so that a punch
 *   filled in afterwards stays recognisable in the grid and the evidence;
 * - orders.order_no: the marketing system's 订单编号, kept as the file has it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attendance').addColumn('source', 'text').execute();
  await db.schema.alterTable('orders').addColumn('order_no', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('order_no').execute();
  await db.schema.alterTable('attendance').dropColumn('source').execute();
}
