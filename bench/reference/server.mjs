// The load kit's reference peer: graphql-js 16 with graphql-http on Node's http server, one worker per core (two by
// default), each holding the graph in plain JavaScript maps, loaded from an NDJSON export of CoopGraph (/api/export).
// It answers the kit's entity reads with the same documents and the same answers' shape (actor with its links, actors
// by territory, kind or theme, search, node), so that both servers can be measured with the same wrk scripts.
// Search here is a plain word match on names, not CoopGraph's ranked full-text search: it is the cheaper of the two.
//
//   node server.mjs GRAPH.ndjson PORT [WORKERS]
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { buildSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';

const [file, port = '5400', workers = '2'] = process.argv.slice(2);

if (cluster.isPrimary) {
  for (let i = 0; i < Number(workers); i++) cluster.fork();
  cluster.on('exit', (worker, code) => { if (code !== 0) process.exit(code); });
} else {
  await serve();
}

// Line by line: a national export (2 GB) is longer than the longest string V8 holds.
async function load() {
  const nodes = new Map(), links = [], adjacency = new Map(), byCode = new Map(), children = new Map(), words = new Map();
  let seq = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    const item = JSON.parse(line);
    if (item.op === 'node') {
      item.seq = ++seq;
      nodes.set(item.id, item);
      adjacency.set(item.id, []);
      if (item.kind === 'TERRITORY') byCode.set(item.code, item);
      for (const word of item.name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/)) {
        if (!word) continue;
        if (!words.has(word)) words.set(word, []);
        words.get(word).push(item);
      }
    } else if (item.op === 'link') {
      item.seq = ++seq;
      links.push(item);
    }
  }
  for (const link of links) {
    adjacency.get(link.sourceId)?.push(link);
    if (link.targetId !== link.sourceId) adjacency.get(link.targetId)?.push(link);
  }
  for (const node of nodes.values()) {
    if (node.kind === 'TERRITORY' && node.parentId) {
      if (!children.has(node.parentId)) children.set(node.parentId, []);
      children.get(node.parentId).push(node);
    }
  }
  return { nodes, adjacency, byCode, children, words };
}

async function serve() {
  const graph = await load();
  const schema = buildSchema(`
    interface Node { id: ID! }
    interface Actor implements Node { id: ID! name: String! kind: String! links(first: Int = 20, after: String): LinkConnection! }
    type GraphActor implements Actor & Node { id: ID! name: String! kind: String! links(first: Int = 20, after: String): LinkConnection! }
    type Other implements Node { id: ID! name: String! kind: String! }
    type Link { id: ID! type: String! since: String source: Node target: Node }
    type LinkEdge { node: Link! cursor: String! }
    type LinkConnection { totalCount: Int! edges: [LinkEdge!]! nodes: [Link!]! }
    type PageInfo { endCursor: String hasNextPage: Boolean! }
    type ActorConnection { totalCount: Int! nodes: [Actor!]! pageInfo: PageInfo! }
    input ActorFilter { kinds: [String!] themeIds: [ID!] territoryCode: String }
    type Query {
      actor(id: ID!): Actor
      node(id: ID!): Node
      actors(filter: ActorFilter, first: Int = 20, after: String): ActorConnection!
      search(text: String!, first: Int = 10): [Node!]!
    }`);
  const actorKinds = new Set(['SERVICE', 'AUTHORITY', 'SSE_ACTOR', 'UNIVERSITY', 'INNOVATION_LAB']);
  const typeOf = (node) => (actorKinds.has(node.kind) ? 'GraphActor' : 'Other');
  for (const name of ['Node', 'Actor']) schema.getType(name).resolveType = typeOf;
  const entity = (node) => node && {
    ...node,
    links: ({ first, after }) => {
      const all = graph.adjacency.get(node.id) ?? [];
      const from = after ? Number(after) : 0;
      const page = all.filter((l) => l.seq > from).slice(0, first).map((l) => ({
        ...l, type: l.type, source: entity(graph.nodes.get(l.sourceId)), target: entity(graph.nodes.get(l.targetId)),
      }));
      return { totalCount: all.length, edges: page.map((l) => ({ node: l, cursor: String(l.seq) })), nodes: page };
    },
  };
  const placed = (code) => {
    const root = graph.byCode.get(code);
    const found = new Set();
    const pending = root ? [root] : [];
    while (pending.length) {
      const territory = pending.pop();
      found.add(territory.id);
      pending.push(...(graph.children.get(territory.id) ?? []));
      for (const l of graph.adjacency.get(territory.id)) if (l.type === 'LOCATED_IN' && l.targetId === territory.id) found.add(l.sourceId);
    }
    return found;
  };
  const rootValue = {
    actor: ({ id }) => { const n = graph.nodes.get(id); return n && actorKinds.has(n.kind) ? entity(n) : null; },
    node: ({ id }) => entity(graph.nodes.get(id)),
    actors: ({ filter = {}, first, after }) => {
      const candidates = filter.territoryCode ? [...placed(filter.territoryCode)].map((id) => graph.nodes.get(id)) : [...graph.nodes.values()];
      const themes = filter.themeIds && new Set(filter.themeIds);
      const matches = candidates.filter((n) => actorKinds.has(n.kind)
        && (!filter.kinds || filter.kinds.includes(n.kind))
        && (!themes || graph.adjacency.get(n.id).some((l) => (l.type === 'WORKS_ON' || l.type === 'TARGETS') && l.sourceId === n.id && themes.has(l.targetId))))
        .sort((a, b) => a.seq - b.seq);
      const from = after ? Number(after) : 0;
      const rest = matches.filter((n) => n.seq > from);
      const page = rest.slice(0, first);
      return {
        totalCount: matches.length,
        nodes: page.map(entity),
        pageInfo: { endCursor: page.length ? String(page[page.length - 1].seq) : null, hasNextPage: rest.length > first },
      };
    },
    search: ({ text, first }) => {
      const word = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).find(Boolean);
      return (graph.words.get(word) ?? []).slice(0, first).map(entity);
    },
  };
  const handler = createHandler({ schema, rootValue });
  createServer((req, res) => (req.url.startsWith('/graphql') ? handler(req, res) : (res.writeHead(404), res.end())))
    .listen(Number(port), '127.0.0.1');
}
