import type { KyselyPlugin, OperationNodeTransformer, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/** A kysely plugin that rewrites each query's tree with a transformer and leaves results alone. */
export class TransformerPlugin implements KyselyPlugin {
  constructor(private readonly transformer: OperationNodeTransformer) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
