using System.Text;

namespace CoopGraph.Graph.OpenData.Tables;

/// <summary>
/// Which encoding a published text file is in. French portals publish in UTF-8 or in Windows-1252, and say neither;
/// a file that decodes as strict UTF-8 is UTF-8 (Windows-1252 text with accents is almost never valid UTF-8), any other
/// is read as Windows-1252. Some Windows-1252 files start with a UTF-8 byte-order mark (Somme): it is dropped too.
/// </summary>
public static class TextEncodings
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static Encoding Windows1252 { get; } = GetWindows1252();

    /// <summary>
    /// Opens a text file in its detected encoding, positioned after any byte-order mark; names the encoding. A file
    /// that is not UTF-8 as a whole but has lines that are (rows appended by another tool: Vendée 2018) is decoded line
    /// by line, each line in the encoding it is valid in.
    /// </summary>
    public static (TextReader Reader, string EncodingName) Open(string path)
    {
        var stream = File.OpenRead(path);
        try
        {
            var utf8 = IsUtf8(stream);
            var start = StartsWithBom(stream) ? Utf8Bom.Length : 0;
            if (!utf8 && MixedLines(stream, start) is { } mixed)
            {
                stream.Dispose();
                return (new StringReader(mixed), Windows1252.WebName + " with utf-8 lines");
            }
            var encoding = utf8 ? new UTF8Encoding(false) : Windows1252;
            stream.Position = start;
            return (new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false), encoding.WebName);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Registers the code pages (Windows-1252, and those old XLS files name) once for the process.</summary>
    public static void EnsureCodePages() => _ = Windows1252;

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>The text decoded line by line when some lines are UTF-8 with accents and others are not; else null.</summary>
    private static string? MixedLines(Stream stream, int start)
    {
        // Only files small enough to hold: published grant files are; a national file in one encoding never comes here.
        if (stream.Length > 64 * 1024 * 1024)
        {
            return null;
        }
        stream.Position = start;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var text = new StringBuilder(bytes.Length);
        var utf8Lines = 0;
        while (bytes.Length > 0)
        {
            var end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..(end + 1)];
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            string decoded;
            try
            {
                decoded = strict.GetString(line);
                utf8Lines += line.ContainsAnyExceptInRange((byte)0, (byte)127) ? 1 : 0;
            }
            catch (DecoderFallbackException)
            {
                decoded = Windows1252.GetString(line);
            }
            text.Append(decoded);
        }
        return utf8Lines > 0 ? text.ToString() : null;
    }

    private static bool StartsWithBom(Stream stream)
    {
        stream.Position = 0;
        Span<byte> start = stackalloc byte[3];
        return stream.ReadAtLeast(start, 3, throwOnEndOfStream: false) == 3 && start.SequenceEqual(Utf8Bom);
    }

    private static bool IsUtf8(Stream stream)
    {
        stream.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
