using System.Text;

namespace CoopGraph.Graph.Interchange;

/// <summary>
/// Reads CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) row by row from a stream of text.
/// The separator, ',' or ';', is taken from the header line.
/// </summary>
public sealed class CsvRows(TextReader reader)
{
    private char _separator = ',';

    /// <summary>The header's column names, trimmed; a UTF-8 byte-order mark is dropped.</summary>
    public async Task<string[]?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var line = await reader.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            return null;
        }
        line = line.TrimStart('\uFEFF');
        _separator = line.Count(c => c == ';') > line.Count(c => c == ',') ? ';' : ',';
        var row = await ReadRowAsync(line, cancellationToken);
        return row?.Select(c => c.Trim()).ToArray();
    }

    /// <summary>The next row's fields, or null at the end.</summary>
    public async Task<List<string>?> ReadRowAsync(CancellationToken cancellationToken)
    {
        var line = await reader.ReadLineAsync(cancellationToken);
        return line is null ? null : await ReadRowAsync(line, cancellationToken);
    }

    private async Task<List<string>?> ReadRowAsync(string firstLine, CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = firstLine;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == _separator)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }
            if (!quoted)
            {
                fields.Add(field.ToString());
                return fields;
            }
            // A quoted field goes on past the line break.
            var next = await reader.ReadLineAsync(cancellationToken);
            if (next is null)
            {
                fields.Add(field.ToString());
                return fields;
            }
            field.Append('\n');
            line = next;
        }
    }
}
