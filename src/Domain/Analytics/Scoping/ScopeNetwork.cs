using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Scoping;

/// <summary>
/// A scope's network as a reader can draw it: the actors in scope, the policies linked to them, the links among all
/// of these, and the first <c>first</c> nodes by number of those links (then by id) with the links between them.
/// </summary>
/// <param name="Actors">Actors in scope.</param>
/// <param name="ByKind">Actors in scope by kind, largest first, then in kind order.</param>
/// <param name="Policies">Policies linked to an actor in scope by one of the link types.</param>
/// <param name="Links">Links of those types between two nodes of the network (actors in scope and those policies).</param>
/// <param name="Nodes">The nodes returned, most linked first (projection indexes).</param>
/// <param name="Edges">The links between two returned nodes (projection link indexes), in link order.</param>
/// <param name="Isolated">Nodes of the network with no link in it.</param>
public sealed record ScopeNetworkReport(
    int Actors, IReadOnlyList<(NodeKind Kind, int Count)> ByKind, int Policies, int Links, int[] Nodes, int[] Edges, int Isolated)
{
    public bool Truncated => Nodes.Length < Actors + Policies;
}

public static class ScopeNetwork
{
    public static ScopeNetworkReport Compute(GraphProjection projection, int[] members, IReadOnlyCollection<LinkType> types, int? day, int first)
    {
        var inNetwork = new bool[projection.NodeCount];
        foreach (var member in members)
        {
            inNetwork[member] = true;
        }
        // Policies join the network through their links to actors in scope: a programme present in a territory is
        // what a reader looks for there, though the policy itself is located nowhere.
        var policies = new List<int>();
        foreach (var member in members)
        {
            foreach (var type in types)
            {
                AddPolicies(projection, projection.Out[(int)type], member, day, inNetwork, policies);
                AddPolicies(projection, projection.In[(int)type], member, day, inNetwork, policies);
            }
        }

        var nodes = members.Concat(policies).ToArray();
        var degree = new Dictionary<int, int>(nodes.Length);
        var links = new List<int>();
        foreach (var node in nodes)
        {
            foreach (var type in types)
            {
                var csr = projection.Out[(int)type];
                var targets = csr.Neighbours(node);
                var linkIndexes = csr.LinksOf(node);
                for (var k = 0; k < targets.Length; k++)
                {
                    // Out-links only: each link is met once, from its source.
                    if (inNetwork[targets[k]] && targets[k] != node && projection.IsValid(linkIndexes[k], day))
                    {
                        links.Add(linkIndexes[k]);
                        degree[node] = degree.GetValueOrDefault(node) + 1;
                        degree[targets[k]] = degree.GetValueOrDefault(targets[k]) + 1;
                    }
                }
            }
        }

        var kept = nodes
            .OrderByDescending(n => degree.GetValueOrDefault(n))
            .ThenBy(n => projection.Ids[n], StringComparer.Ordinal)
            .Take(first)
            .ToArray();
        var returned = kept.ToHashSet();
        var edges = links.Where(l => returned.Contains(projection.LinkSource[l]) && returned.Contains(projection.LinkTarget[l])).Order().ToArray();
        var byKind = members.GroupBy(m => projection.Kinds[m])
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(k => k.Item2).ThenBy(k => k.Key)
            .ToList();
        return new ScopeNetworkReport(members.Length, byKind, policies.Count, links.Count, kept, edges, nodes.Count(n => !degree.ContainsKey(n)));
    }

    private static void AddPolicies(GraphProjection projection, Csr csr, int member, int? day, bool[] inNetwork, List<int> policies)
    {
        var ends = csr.Neighbours(member);
        var linkIndexes = csr.LinksOf(member);
        for (var k = 0; k < ends.Length; k++)
        {
            var end = ends[k];
            if (!inNetwork[end] && projection.Kinds[end] == NodeKind.Policy && projection.Sees(end) && projection.IsValid(linkIndexes[k], day))
            {
                inNetwork[end] = true;
                policies.Add(end);
            }
        }
    }
}
