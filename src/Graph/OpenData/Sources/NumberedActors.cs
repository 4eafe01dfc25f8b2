namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// The actors a grant or a contract names by number (funder, buyer, beneficiary, holder): joined by SIREN to the actor
/// the graph holds, or created once when unknown, its kind decided by what the file says. A public body (SIREN 1… or
/// 2…) is an authority; an association (the file's beneficiary type, a file of grants to associations, or
/// "association" in the name), a cooperative, a mutual or a foundation is an SSE actor of that form; anything else an
/// organisation. A row with no number names its actor by name only: <c>name:NAME</c>, so that two rows naming it alike meet.
/// </summary>
internal static class NumberedActors
{
    /// <summary>Resolves an actor, counting how under its role ("beneficiary: commune by SIREN"); gives its node when the run creates it.</summary>
    public static (string Id, ImportItem? NewNode) Resolve(string? siren, string name, bool fileSaysAssociation, string role, SourceRun run)
    {
        if (siren is not null)
        {
            var (id, how, known) = PublicBodies.Resolve(siren, run);
            run.Matches.Count($"{role}: {how}");
            if (known || !run.Context.FirstTime(id))
            {
                return (id, null);
            }
            return (id, PublicBodies.IsPublic(siren)
                ? PublicBodies.NewAuthority(id, siren, name, run)
                : NewActor(id, name, fileSaysAssociation, run).With("siren", siren));
        }
        var byName = "name:" + CommuneDirectory.Normalise(name);
        run.Matches.Count($"{role}: no SIREN, named only");
        return run.Context.FirstTime(byName) && !run.Context.IsKnown(byName)
            ? (byName, NewActor(byName, name, fileSaysAssociation, run))
            : (byName, null);
    }

    private static ImportItem NewActor(string id, string name, bool fileSaysAssociation, SourceRun run) =>
        LegalFormOf(name, fileSaysAssociation) is { } form
            ? Items.Node("SSE_ACTOR", id, name, run.Provenance).With("legalForm", form)
            : Items.Node("ORGANISATION", id, name, run.Provenance);

    /// <summary>The SSE legal form a name or the file states, or null when neither says.</summary>
    public static string? LegalFormOf(string name, bool fileSaysAssociation)
    {
        bool Has(params string[] words) => words.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));
        return name switch
        {
            _ when Has("coopérati", "cooperati", "SCOP ", "SCIC ", "CUMA ") => "COOPERATIVE",
            _ when Has("mutuelle", "mutualit") => "MUTUAL",
            _ when Has("fondation", "fonds de dotation") => "FOUNDATION",
            _ when Has("association", "asso ", "amicale", "comité des fêtes", "comite des fetes") || fileSaysAssociation => "ASSOCIATION",
            _ => null,
        };
    }
}
