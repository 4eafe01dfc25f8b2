namespace CoopGraph.Graph.OpenData.Fetch;

/// <summary>
/// Where a source's current file is published. <see cref="Page"/> is what a person reads (the dataset's page);
/// <see cref="Locator"/> is how a program finds the file itself, and says when no stable address exists.
/// </summary>
/// <param name="Source">The connector's name, as <c>--source</c> takes it.</param>
/// <param name="Publisher">Who publishes the file.</param>
/// <param name="Page">The dataset's page.</param>
/// <param name="Locator">How the current file is found.</param>
/// <param name="Prepared">
/// When the connector reads a file prepared from the published one (a sheet split in two, a join with another
/// file), what that preparation is: the fetched file is then the publisher's, and the import says if it cannot read it.
/// </param>
public sealed record OfficialAddress(string Source, string Publisher, Uri Page, Locator Locator, string? Prepared = null);

/// <summary>How a program finds a source's current file.</summary>
public abstract record Locator;

/// <summary>
/// A data.gouv.fr dataset: its API lists the resources with their address, checksum and date of change; the current
/// file is the most recently changed main resource whose title or file name matches <paramref name="Pick"/>.
/// </summary>
public sealed record DataGouvDataset(string Slug, string Pick) : Locator
{
    public static Uri Api { get; } = new("https://www.data.gouv.fr/api/1/");

    public Uri DatasetApi(string? slug = null) => new(Api, $"datasets/{Uri.EscapeDataString(slug ?? Slug)}/");

    public static Uri PageOf(string slug) => new($"https://www.data.gouv.fr/fr/datasets/{Uri.EscapeDataString(slug)}/");
}

/// <summary>A stable file address (a portal's export endpoint, a publisher's file), saved under <paramref name="FileName"/>.</summary>
public sealed record FileAddress(Uri Url, string FileName) : Locator;

/// <summary>No stable address a program can follow: the file is reached through <see cref="OfficialAddress.Page"/> by hand.</summary>
public sealed record PageOnly(string Why) : Locator;
