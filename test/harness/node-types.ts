import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { PACKAGE_NAME } from './package-types';

/** INodeTypes over an explicit set of node classes, keyed `<package>.<name>` as n8n keys them. */
export class NodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodes: INodeType[]) {
		for (const node of nodes) this.byName.set(`${PACKAGE_NAME}.${node.description.name}`, node);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const found = this.byName.get(nodeType);
		if (!found) throw new Error(`Unknown node type ${nodeType}`);
		return found;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

export const typeName = (name: string) => `${PACKAGE_NAME}.${name}`;
