namespace CoopGraph.Graph;

/// <summary>
/// Letters without their accents, for comparing what people type with names: the app runs with invariant globalization
/// (no ICU), where string normalisation cannot take accents off, so the letters of French and its neighbours are listed.
/// </summary>
public static class Diacritics
{
    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ";
    private const string Plain = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY";

    public static char Strip(char c)
    {
        var index = Accented.IndexOf(c, StringComparison.Ordinal);
        return index < 0 ? c : Plain[index];
    }
}
