import {
  OperationNodeTransformer,
  OrderByItemNode,
  RawNode,
} from 'kysely';
import { TransformerPlugin } from './transformerPlugin';

function isDescending(direction: OrderByItemNode['direction']): boolean {
  return direction !== undefined && RawNode.is(direction) && direction.sqlFragments.join('').trim().toLowerCase() === 'desc';
}

class NullOrderTransformer extends OperationNodeTransformer {
  protected override transformOrderByItem(node: OrderByItemNode, queryId?: Parameters<OperationNodeTransformer['transformNode']>[1]): OrderByItemNode {
    const item = super.transformOrderByItem(node, queryId);
    if (item.nulls) return item;
    return OrderByItemNode.cloneWith(item, { nulls: isDescending(item.direction) ? 'last' : 'first' });
  }
}

/**
 * NULLs sorted as SQLite sorts them: smallest, so first ascending and last descending.
 * PostgreSQL sorts them as largest (last ascending), and a grid sorted by a column with empty
 * cells, or any ordered read, would then list rows in another order on the server than on the
 * desktop. Added to every kysely ORDER BY item that does not say `nulls first/last` itself;
 * ORDER BY written inside raw `sql` is not seen (none in the code today).
 */
export class SqliteNullOrder extends TransformerPlugin {
  constructor() {
    super(new NullOrderTransformer());
  }
}
