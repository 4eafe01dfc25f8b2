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

    /// <summary>Opens a text file in its detected encoding, positioned after any byte-order mark; names the encoding.</summary>
    public static (TextReader Reader, string EncodingName) Open(string path)
    {
        var stream = File.OpenRead(path);
        try
        {
            var encoding = IsUtf8(stream) ? new UTF8Encoding(false) : Windows1252;
            stream.Position = StartsWithBom(stream) ? Utf8Bom.Length : 0;
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
