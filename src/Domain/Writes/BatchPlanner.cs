using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;

namespace CoopGraph.Domain.Writes;

/// <summary>
/// Turns a batch into a <see cref="WritePlan"/>: resolves references against the batch itself and the
/// store's facts, enforces the model's rules, and reports every invalid item (not just the first).
/// Pure, so both stores share it.
/// </summary>
public static class BatchPlanner
{
    public static FactsRequest Needs(GraphBatch batch)
    {
        var nodeIds = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var services = new HashSet<string>(StringComparer.Ordinal);
        var linkIds = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<LinkKey>();
        foreach (var upsert in batch.Nodes)
        {
            nodeIds.Add(upsert.Node.Id);
            if (upsert.Node.PrivateTo is { } owner)
            {
                nodeIds.Add(owner);
            }
            if (upsert.Node is Territory { ParentId: { } parent })
            {
                nodeIds.Add(parent);
            }
            if (upsert.Node is Service { DirectionId: { } direction })
            {
                nodeIds.Add(direction);
            }
            foreach (var relation in upsert.Relations)
            {
                (relation.RefsAreTerritoryCodes ? codes : nodeIds).UnionWith(relation.Refs);
                foreach (var other in relation.Refs.Where(_ => !relation.RefsAreTerritoryCodes))
                {
                    keys.Add(KeyOf(relation, upsert.Node.Id, other));
                }
            }
        }
        foreach (var upsert in batch.Links)
        {
            var link = upsert.Link;
            nodeIds.Add(link.SourceId);
            nodeIds.Add(link.TargetId);
            linkIds.Add(link.Id);
            if (link.PrivateTo is { } owner)
            {
                nodeIds.Add(owner);
            }
            if (link.Type == LinkType.PartOf)
            {
                services.Add(link.SourceId);
            }
            if (LinkRules.IsUniquePerEnds(link.Type))
            {
                keys.Add(Key(link.Type, link.SourceId, link.TargetId));
            }
        }
        var deleted = batch.NodeDeletes.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        nodeIds.UnionWith(deleted);
        linkIds.UnionWith(batch.LinkDeletes.Select(d => d.Id));
        return new FactsRequest(nodeIds, codes, services, deleted, linkIds, keys);
    }

    public static WritePlan Plan(GraphBatch batch, StoreFacts facts)
    {
        var errors = ItemRules.Validate(batch);
        // Collections are sized from the batch: an import checks batches of thousands of items, and growing them step by step would be a good part of its allocations.
        var batchKinds = new Dictionary<string, NodeKind>(batch.Nodes.Count, StringComparer.Ordinal);
        foreach (var node in batch.Nodes.Select(u => u.Node))
        {
            batchKinds.TryAdd(node.Id, node.Kind);
        }
        var batchTerritories = TerritoryIdsByCode(batch);
        var deletedNodes = batch.NodeDeletes.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var writer = batch.Writer;
        // What the writer cannot see does not exist for it: as a link's end, a parent or a relation, such an id is missing.
        NodeKind? KindOf(string id) =>
            deletedNodes.Contains(id) ? null
            : batchKinds.TryGetValue(id, out var kind) ? kind
            : facts.Kinds.TryGetValue(id, out var stored) && writer.CanSee(facts.PrivateTo.GetValueOrDefault(id)) ? stored
            : null;
        var privacy = new PrivacyRules(writer, facts, KindOf);
        var nodes = new List<Node>(batch.Nodes.Count);

        var links = new List<PlannedLink>(batch.Links.Count + batch.Nodes.Count);
        var linkPaths = new List<IReadOnlyList<object>>(links.Capacity);
        var replacements = new List<RelationReplacement>();
        var servicesWithNewAuthority = new HashSet<string>(StringComparer.Ordinal);

        foreach (var upsert in batch.Nodes)
        {
            var node = privacy.Resolve(upsert, errors);
            nodes.Add(node);
            if (facts.Kinds.TryGetValue(node.Id, out var existing) && existing != node.Kind && privacy.SeesStored(node.Id))
            {
                errors.Add(new(UserErrorCodes.KindConflict, $"Id '{node.Id}' already names a {KindName(existing)}; ids are unique across kinds and a node's kind cannot change.", [.. upsert.Path, "id"]));
            }
            if (node is Territory { ParentId: { } parentId } && parentId != node.Id && KindOf(parentId) != NodeKind.Territory)
            {
                errors.Add(Missing(parentId, "territory", [.. upsert.Path, "parentId"]));
            }
            foreach (var relation in upsert.Relations)
            {
                var others = new List<string>(relation.Refs.Count);
                for (var i = 0; i < relation.Refs.Count; i++)
                {
                    var path = ItemRules.RelationPath(upsert.Path, relation, i);
                    var reference = relation.Refs[i];
                    string? otherId = reference;
                    if (relation.RefsAreTerritoryCodes)
                    {
                        otherId = batchTerritories.TryGetValue(reference, out var inBatch) ? inBatch
                            : facts.TerritoryIdsByCode.TryGetValue(reference, out var stored) ? stored
                            : null;
                        if (otherId is null)
                        {
                            errors.Add(new(UserErrorCodes.NotFound, $"No territory has code '{reference}'.", path));
                            continue;
                        }
                    }
                    var (source, target) = relation.Incoming ? (otherId, node.Id) : (node.Id, otherId);
                    var link = new Link
                    {
                        Id = LinkIds.Derive(relation.Type, source, target),
                        Type = relation.Type,
                        SourceId = source,
                        TargetId = target,
                        Source = node.Source,
                    };
                    links.Add(new PlannedLink(link, KeepExisting: true));
                    linkPaths.Add(path);
                    others.Add(otherId);
                }
                // A node new to the store has no links yet (they are written after the replacements): nothing to replace.
                if (facts.Kinds.ContainsKey(node.Id))
                {
                    replacements.Add(new RelationReplacement(node.Id, relation.Type, relation.Incoming, others));
                }
                if (node is Service && relation.Type == LinkType.PartOf)
                {
                    servicesWithNewAuthority.Add(node.Id);
                }
            }
        }
        CheckDirections(batch, nodes, facts, KindOf, errors);

        foreach (var upsert in batch.Links)
        {
            var link = upsert.Link;
            if (facts.LinksById.TryGetValue(link.Id, out var existing))
            {
                privacy.CheckStoredLink(link.Id, existing.PrivateTo, [.. upsert.Path, "id"], errors);
            }
            if (existing is not null && existing.Type != link.Type && writer.CanSee(existing.PrivateTo))
            {
                errors.Add(new(UserErrorCodes.KindConflict, $"Link '{link.Id}' is a {LinkTypeNames.ToConstant(existing.Type)} link; a link's type cannot change.", [.. upsert.Path, "type"]));
            }
            var (source, target) = LinkRules.CanonicalEnds(link.Type, link.SourceId, link.TargetId);
            var canonical = ReferenceEquals(source, link.SourceId) ? link : link with { SourceId = source, TargetId = target };
            links.Add(new PlannedLink(canonical, KeepExisting: false));
            linkPaths.Add(upsert.Path);
        }

        var planned = CheckLinks(links, linkPaths, upsertsGiven: batch.Links, KindOf, facts, privacy, servicesWithNewAuthority, errors);
        CheckDeletes(batch, facts, privacy, deletedNodes, errors);

        return errors.Count > 0
            ? new WritePlan { Errors = errors }
            : new WritePlan
            {
                DeleteLinkIds = batch.LinkDeletes.Select(d => d.Id).ToList(),
                DeleteNodeIds = batch.NodeDeletes.Select(d => d.Id).ToList(),
                Nodes = nodes,
                Replacements = replacements,
                Links = planned,
                Writer = writer,
            };
    }

    private static List<PlannedLink> CheckLinks(
        List<PlannedLink> links,
        List<IReadOnlyList<object>> paths,
        IReadOnlyList<LinkUpsert> upsertsGiven,
        Func<string, NodeKind?> kindOf,
        StoreFacts facts,
        PrivacyRules privacy,
        HashSet<string> servicesWithNewAuthority,
        List<UserError> errors)
    {
        var explicitIds = new HashSet<string>(upsertsGiven.Count, StringComparer.Ordinal);
        foreach (var upsert in upsertsGiven)
        {
            if (upsert.IdWasGiven)
            {
                explicitIds.Add(upsert.Link.Id);
            }
        }
        var keysInBatch = new Dictionary<LinkKey, int>(links.Count);
        var authorityInBatch = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<PlannedLink>(links.Count);
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i].Link;
            var path = paths[i];
            var fromRelation = links[i].KeepExisting;
            var sourceKind = kindOf(link.SourceId);
            var targetKind = kindOf(link.TargetId);
            if (sourceKind is null)
            {
                errors.Add(Missing(link.SourceId, "node", fromRelation ? path : [.. path, "sourceId"]));
            }
            else if (!LinkRules.AllowedSources(link.Type).Contains(sourceKind.Value))
            {
                errors.Add(new(UserErrorCodes.InvalidLink, $"A {LinkTypeNames.ToConstant(link.Type)} link cannot start at a {KindName(sourceKind.Value)}.", fromRelation ? path : [.. path, "sourceId"]));
            }
            if (targetKind is null)
            {
                errors.Add(Missing(link.TargetId, "node", fromRelation ? path : [.. path, "targetId"]));
            }
            else if (sourceKind is not null && !LinkRules.AllowedTargets(link.Type, sourceKind.Value).Contains(targetKind.Value))
            {
                errors.Add(new(UserErrorCodes.InvalidLink, $"A {LinkTypeNames.ToConstant(link.Type)} link from a {KindName(sourceKind.Value)} cannot end at a {KindName(targetKind.Value)}.", fromRelation ? path : [.. path, "targetId"]));
            }

            if (link.Type == LinkType.PartOf && sourceKind == NodeKind.Service && !fromRelation)
            {
                var current = authorityInBatch.TryGetValue(link.SourceId, out var inBatch) ? inBatch
                    : servicesWithNewAuthority.Contains(link.SourceId) ? null
                    : facts.AuthorityOfService.GetValueOrDefault(link.SourceId);
                if (current is not null && current != link.TargetId)
                {
                    errors.Add(new(UserErrorCodes.Constraint, $"Service '{link.SourceId}' is already part of '{current}': a service is part of exactly one authority (change it with upsertActors' authorityId).", [.. path, "targetId"]));
                }
                authorityInBatch.TryAdd(link.SourceId, link.TargetId);
            }

            if (LinkRules.IsUniquePerEnds(link.Type))
            {
                var key = Key(link.Type, link.SourceId, link.TargetId);
                if (keysInBatch.TryGetValue(key, out var first))
                {
                    if (!fromRelation || !result[first].KeepExisting)
                    {
                        errors.Add(new(UserErrorCodes.Duplicate, $"The batch holds two {LinkTypeNames.ToConstant(link.Type)} links between '{link.SourceId}' and '{link.TargetId}'.", path));
                    }
                    result.Add(links[i] with { Link = link with { Id = result[first].Link.Id } });
                    continue;
                }
                keysInBatch[key] = result.Count;
                if (facts.LinkIdsByKey.TryGetValue(key, out var existingId) && existingId != link.Id)
                {
                    if (explicitIds.Contains(link.Id) && !fromRelation)
                    {
                        errors.Add(new(UserErrorCodes.Duplicate, $"A {LinkTypeNames.ToConstant(link.Type)} link between '{link.SourceId}' and '{link.TargetId}' already exists with id '{existingId}'; it is stored once.", [.. path, "id"]));
                    }
                    else
                    {
                        privacy.CheckStoredLink(existingId, facts.PrivateLinks.GetValueOrDefault(existingId), fromRelation ? path : [.. path, "id"], errors);
                        link = link with { Id = existingId };
                    }
                }
            }
            if (sourceKind is not null && targetKind is not null)
            {
                var owner = privacy.LinkOwner(link, fromRelation, path, errors);
                if (owner != link.PrivateTo)
                {
                    link = link with { PrivateTo = owner };
                }
            }
            result.Add(ReferenceEquals(link, links[i].Link) ? links[i] : links[i] with { Link = link });
        }
        return result;
    }

    private static void CheckDeletes(GraphBatch batch, StoreFacts facts, PrivacyRules privacy, HashSet<string> deletedNodes, List<UserError> errors)
    {
        foreach (var delete in batch.NodeDeletes)
        {
            if (!facts.Kinds.ContainsKey(delete.Id) || !privacy.MayDelete(facts.PrivateTo.GetValueOrDefault(delete.Id), delete.Id, delete.Path, errors))
            {
                errors.Add(Missing(delete.Id, "node", delete.Path));
                continue;
            }
            if (facts.Dependants.TryGetValue(delete.Id, out var dependants))
            {
                var left = dependants.Where(d => !deletedNodes.Contains(d)).ToList();
                // Dependants the writer cannot see still hold the node, but are not named.
                var named = left.Where(privacy.SeesStored).ToList();
                if (left.Count > 0)
                {
                    var list = named.Count == 0 ? "" : $" ({string.Join(", ", named.Take(5))}{(named.Count > 5 || named.Count < left.Count ? ", …" : "")})";
                    errors.Add(new(UserErrorCodes.Constraint, $"'{delete.Id}' still has dependants{list}: delete or move them first, or in the same batch.", delete.Path));
                }
            }
        }
        foreach (var delete in batch.LinkDeletes)
        {
            if (!facts.LinksById.TryGetValue(delete.Id, out var link) || !privacy.MayDelete(link.PrivateTo, delete.Id, delete.Path, errors))
            {
                errors.Add(new(UserErrorCodes.NotFound, $"No link has id '{delete.Id}'.", delete.Path));
            }
            else if (link.Type == LinkType.PartOf && facts.Kinds.GetValueOrDefault(link.SourceId) == NodeKind.Service)
            {
                errors.Add(new(UserErrorCodes.Constraint, $"'{delete.Id}' ties service '{link.SourceId}' to its authority; a service is part of exactly one authority (change it with upsertActors' authorityId, or delete the service).", delete.Path));
            }
        }
    }

    /// <summary>The ids the caller named: nodes upserted, links upserted (with the id each was stored under), ids deleted.</summary>
    public static IReadOnlyList<string> WrittenIds(GraphBatch batch, WritePlan plan)
    {
        var explicitLinks = plan.Links.Where(l => !l.KeepExisting).Select(l => l.Link.Id);
        return [.. batch.Nodes.Select(u => u.Node.Id), .. explicitLinks, .. batch.NodeDeletes.Select(d => d.Id), .. batch.LinkDeletes.Select(d => d.Id)];
    }

    /// <summary>The errors for territories that the store found to be their own ancestor once the batch was applied.</summary>
    public static IReadOnlyList<UserError> CycleErrors(GraphBatch batch, IReadOnlySet<string> cycles) =>
        batch.Nodes.Where(u => cycles.Contains(u.Node.Id))
            .Select(u => new UserError(UserErrorCodes.Constraint, $"Territory '{u.Node.Id}' would be its own ancestor.", [.. u.Path, "parentId"]))
            .ToList();

    /// <summary>
    /// The ends of the links implied by relations given as territory codes. <see cref="Needs"/> cannot name them: a code
    /// becomes a territory only once resolved, from the batch's territories first, then from the store's facts, as
    /// <see cref="Plan"/> resolves it. A store asks for these in a second lookup, so that the planner keeps an existing
    /// link between the same ends (under its own id) instead of adding a second one.
    /// </summary>
    public static IReadOnlySet<LinkKey> CodeRelationKeys(GraphBatch batch, StoreFacts facts)
    {
        HashSet<LinkKey>? keys = null;
        Dictionary<string, string>? batchTerritories = null;
        foreach (var upsert in batch.Nodes)
        {
            foreach (var relation in upsert.Relations.Where(r => r.RefsAreTerritoryCodes))
            {
                batchTerritories ??= TerritoryIdsByCode(batch);
                foreach (var code in relation.Refs)
                {
                    if (batchTerritories.TryGetValue(code, out var territory) || facts.TerritoryIdsByCode.TryGetValue(code, out territory))
                    {
                        (keys ??= []).Add(KeyOf(relation, upsert.Node.Id, territory));
                    }
                }
            }
        }
        return keys ?? (IReadOnlySet<LinkKey>)new HashSet<LinkKey>();
    }

    /// <summary>The territories a batch gives, by code; the first wins, as the planner reads them.</summary>
    private static Dictionary<string, string> TerritoryIdsByCode(GraphBatch batch)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var upsert in batch.Nodes)
        {
            if (upsert.Node is Territory territory)
            {
                codes.TryAdd(territory.Code, territory.Id);
            }
        }
        return codes;
    }

    private static LinkKey KeyOf(RelationSet relation, string nodeId, string otherId) =>
        relation.Incoming ? Key(relation.Type, otherId, nodeId) : Key(relation.Type, nodeId, otherId);

    private static LinkKey Key(LinkType type, string source, string target)
    {
        var (s, t) = LinkRules.CanonicalEnds(type, source, target);
        return new LinkKey(type, s, t);
    }

    /// <summary>
    /// A service's direction is a service the writer sees, and no more public than the service: a public service under a
    /// direction private to an authority would name that private id to everyone.
    /// </summary>
    private static void CheckDirections(GraphBatch batch, List<Node> nodes, StoreFacts facts, Func<string, NodeKind?> kindOf, List<UserError> errors)
    {
        Dictionary<string, Node>? resolved = null;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not Service { DirectionId: { } direction } service || direction == service.Id)
            {
                continue;
            }
            var path = batch.Nodes[i].Path;
            if (kindOf(direction) != NodeKind.Service)
            {
                errors.Add(Missing(direction, "service", [.. path, "directionId"]));
                continue;
            }
            resolved ??= nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            var owner = resolved.TryGetValue(direction, out var inBatch) ? inBatch.PrivateTo : facts.PrivateTo.GetValueOrDefault(direction);
            if (owner is not null && owner != service.PrivateTo)
            {
                errors.Add(new(UserErrorCodes.InvalidValue, "A service's direction is public or private to the same authority as the service.", [.. path, "directionId"]));
            }
        }
    }

    private static UserError Missing(string id, string what, IReadOnlyList<object> path) =>
        new(UserErrorCodes.NotFound, $"No {what} has id '{id}' (in the store or earlier in this batch).", path);

    public static string KindName(NodeKind kind) => ConstantCase.From(kind.ToString());
}
