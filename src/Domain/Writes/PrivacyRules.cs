using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;

namespace CoopGraph.Domain.Writes;

/// <summary>
/// What a writer may do with private data, and the <c>privateTo</c> each written node and link gets. A writer cannot
/// see another authority's private data, so it cannot touch it either: such an id answers as one that does not exist
/// (or, for an upsert, as taken, and nothing more). A key bound to an authority writes only data private to it; a key
/// bound to none writes only public data; an administrator writes anything.
/// </summary>
internal sealed class PrivacyRules(Viewer writer, StoreFacts facts, Func<string, NodeKind?> kindOf)
{
    // Written by the batch: the privateTo each upserted node will have, so that links to it in the same batch follow it.
    private readonly Dictionary<string, string?> _batchOwners = new(StringComparer.Ordinal);

    /// <summary>
    /// Structural links describe the nodes themselves (a service's authority, an actor's themes and territory, a
    /// policy's owner and targets): between two public nodes they are public. The others record a relationship, which an
    /// authority may keep private even between public actors (its view of who cooperates with whom).
    /// </summary>
    public static bool MayBePrivateBetweenPublicNodes(LinkType type) =>
        type is LinkType.CooperatesWith or LinkType.Funds or LinkType.AppliedTo or LinkType.Implements or LinkType.MemberOf or LinkType.HostedBy;

    /// <summary>Whether the writer sees a stored node (an id it cannot see is, for it, an id that does not exist).</summary>
    public bool SeesStored(string id) => writer.CanSee(facts.PrivateTo.GetValueOrDefault(id));

    /// <summary>The node as it will be written (its privateTo resolved for the writer), or the errors that refuse it.</summary>
    public Node Resolve(NodeUpsert upsert, List<UserError> errors)
    {
        var node = upsert.Node;
        IReadOnlyList<object> PrivatePath() => [.. upsert.Path, "privateTo"];
        if (!node.Kind.IsActor() && node.Kind != NodeKind.Policy)
        {
            if (node.PrivateTo is not null)
            {
                errors.Add(new(UserErrorCodes.NotApplicable, "Themes and territories are always public: privateTo does not apply to them.", PrivatePath()));
            }
            else if (writer.AuthorityId is not null)
            {
                errors.Add(new(UserErrorCodes.Forbidden, "Themes and territories are public data: a key bound to an authority writes only data private to it.", [.. upsert.Path, "id"]));
            }
            _batchOwners.TryAdd(node.Id, null);
            return node;
        }
        var exists = facts.Kinds.ContainsKey(node.Id);
        var stored = facts.PrivateTo.GetValueOrDefault(node.Id);
        if (exists && !writer.CanSee(stored))
        {
            errors.Add(Taken(node.Id, [.. upsert.Path, "id"]));
            // Links to it in the batch are checked as if it were the writer's: nothing may tell whose it is.
            _batchOwners.TryAdd(node.Id, writer.AuthorityId);
            return node;
        }
        if (exists && stored is null && writer.AuthorityId is not null)
        {
            errors.Add(new(UserErrorCodes.Forbidden, $"'{node.Id}' is public data: a key bound to an authority changes only data private to it.", [.. upsert.Path, "id"]));
            return node;
        }
        var owner = node.PrivateTo is null && writer.AuthorityId is null ? null : OwnerFor(node.PrivateTo, PrivatePath(), errors);
        if (exists && stored is not null && owner != stored && owner is not null)
        {
            errors.Add(new(UserErrorCodes.Constraint, $"'{node.Id}' is private to '{stored}': its privateTo can be removed (the node made public) but not moved; delete it and create it again.", PrivatePath()));
        }
        else if (exists && stored is null && owner is not null)
        {
            errors.Add(new(UserErrorCodes.Constraint, $"'{node.Id}' is public: a public node cannot become private (links others see may touch it); create a private node instead.", PrivatePath()));
        }
        _batchOwners.TryAdd(node.Id, owner);
        return owner == node.PrivateTo ? node : node with { PrivateTo = owner };
    }

    /// <summary>
    /// The privateTo a link will be stored with: what was asked, widened to the privateTo of its ends (a link to a private
    /// node is private too), or null with errors when that is not allowed. Ends the writer cannot see were already
    /// refused as missing.
    /// </summary>
    public string? LinkOwner(Link link, bool fromRelation, IReadOnlyList<object> path, List<UserError> errors)
    {
        // The path of an error about privateTo, made only when there is one (an import checks links by the hundred thousand).
        IReadOnlyList<object> PrivatePath() => fromRelation ? path : [.. path, "privateTo"];
        var asked = fromRelation || link.PrivateTo is null && writer.AuthorityId is null ? null : OwnerFor(link.PrivateTo, PrivatePath(), errors);
        var sourceOwner = OwnerOfNode(link.SourceId);
        var targetOwner = OwnerOfNode(link.TargetId);
        string? owner = null;
        foreach (var candidate in (ReadOnlySpan<string?>)[asked, sourceOwner, targetOwner])
        {
            if (candidate is null)
            {
                continue;
            }
            if (owner is not null && owner != candidate)
            {
                errors.Add(new(UserErrorCodes.Constraint, $"This link would join data private to '{owner}' and to '{candidate}': no viewer but an administrator could see it.", PrivatePath()));
                return null;
            }
            owner = candidate;
        }
        if (sourceOwner is null && targetOwner is null && owner is not null && !MayBePrivateBetweenPublicNodes(link.Type))
        {
            var code = writer.AuthorityId is null ? UserErrorCodes.NotApplicable : UserErrorCodes.Forbidden;
            errors.Add(new(code, $"A {LinkTypeNames.ToConstant(link.Type)} link between two public nodes describes public data: it cannot be private.", PrivatePath()));
            return null;
        }
        return owner;
    }

    /// <summary>Refuses changing a stored link the writer cannot see (CONFLICT: the id is taken) or, bound, a public one.</summary>
    public void CheckStoredLink(string id, string? stored, IReadOnlyList<object> path, List<UserError> errors)
    {
        if (!writer.CanSee(stored))
        {
            errors.Add(Taken(id, path));
        }
        else if (stored is null && writer.AuthorityId is not null)
        {
            errors.Add(new(UserErrorCodes.Forbidden, $"'{id}' is public data: a key bound to an authority changes only data private to it.", path));
        }
    }

    /// <summary>Refuses deleting what the writer cannot see (as missing, by the caller) or, bound, public data.</summary>
    public bool MayDelete(string? stored, string id, IReadOnlyList<object> path, List<UserError> errors)
    {
        if (!writer.CanSee(stored))
        {
            return false;
        }
        if (stored is null && writer.AuthorityId is not null)
        {
            errors.Add(new(UserErrorCodes.Forbidden, $"'{id}' is public data: a key bound to an authority deletes only data private to it.", path));
        }
        return true;
    }

    private string? OwnerOfNode(string id) =>
        _batchOwners.TryGetValue(id, out var owner) ? owner : facts.PrivateTo.GetValueOrDefault(id);

    /// <summary>The privateTo the writer gives to what it writes, from what was asked.</summary>
    private string? OwnerFor(string? asked, IReadOnlyList<object> path, List<UserError> errors)
    {
        if (writer.AuthorityId is { } bound)
        {
            if (asked is not null && asked != bound)
            {
                errors.Add(new(UserErrorCodes.Forbidden, $"A key bound to '{bound}' writes data private to '{bound}' only.", path));
            }
            return bound;
        }
        if (asked is null)
        {
            return null;
        }
        if (!writer.SeesAll)
        {
            errors.Add(new(UserErrorCodes.Forbidden, "Only a key bound to an authority, or an administrator's, writes private data: this key writes public data.", path));
            return null;
        }
        if (kindOf(asked) != NodeKind.Authority)
        {
            errors.Add(new(UserErrorCodes.NotFound, $"No authority has id '{asked}' (in the store or earlier in this batch).", path));
        }
        return asked;
    }

    private static UserError Taken(string id, IReadOnlyList<object> path) =>
        new(UserErrorCodes.Conflict, $"Id '{id}' is taken: choose another.", path);
}
