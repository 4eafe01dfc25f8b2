using System.Text.Json;
using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Interchange;

/// <summary>
/// Writes a graph as NDJSON, one object per line, in the import format: <c>{"op": "node", "kind": …, "id": …}</c>
/// with the fields of the GraphQL inputs (name, domain, level, code…), then <c>{"op": "link", "type": …}</c> with
/// the fields of LinkInput. Enum values are written as in the GraphQL schema (SSE_ACTOR, COOPERATES_WITH).
/// A service is written with its <c>authorityId</c>, as ActorInput requires, once its PART_OF link has come (that
/// link is then not written again): so that an import never meets a service without its authority.
/// </summary>
public sealed class NdjsonGraphWriter(Stream stream) : IGraphSink, IDisposable
{
    private readonly Dictionary<string, Service> _servicesAwaitingAuthority = new(StringComparer.Ordinal);
    private readonly Utf8JsonWriter _json = new(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public long Nodes { get; private set; }

    public long Links { get; private set; }

    public void AddNode(Node node)
    {
        if (node is Service service)
        {
            _servicesAwaitingAuthority[service.Id] = service;
            return;
        }
        WriteNode(node, authorityId: null);
    }

    private void WriteNode(Node node, string? authorityId)
    {
        _json.WriteStartObject();
        _json.WriteString("op", "node");
        _json.WriteString("kind", ConstantCase.From(node.Kind.ToString()));
        _json.WriteString("id", node.Id);
        _json.WriteString("name", node.Name);
        Optional("description", node.Description);
        Optional("source", node.Source);
        Optional("privateTo", node.PrivateTo);
        switch (node)
        {
            case Authority a:
                _json.WriteString("level", ConstantCase.From(a.Level.ToString()));
                Optional("code", a.Code);
                if (a.Population is { } population)
                {
                    _json.WriteNumber("population", population);
                }
                break;
            case Service s:
                _json.WriteString("domain", ConstantCase.From(s.Domain.ToString()));
                Optional("authorityId", authorityId);
                Optional("directionId", s.DirectionId);
                if (s.DecisionMaking)
                {
                    _json.WriteBoolean("decisionMaking", true);
                }
                break;
            case InnovationLab l:
                Optional("founded", l.Founded?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case Organisation o:
                Optional("siren", o.Siren);
                break;
            case Establishment e:
                Optional("uai", e.Uai);
                _json.WriteString("category", ConstantCase.From(e.Category.ToString()));
                _json.WriteBoolean("public", e.Public);
                break;
            case SseActor s:
                _json.WriteString("legalForm", ConstantCase.From(s.LegalForm.ToString()));
                Optional("siren", s.Siren);
                break;
            case University u:
                _json.WriteString("universityKind", ConstantCase.From(u.UniversityKind.ToString()));
                break;
            case Policy p:
                _json.WriteString("instrument", ConstantCase.From(p.Instrument.ToString()));
                _json.WriteStartArray("domains");
                foreach (var domain in p.Domains)
                {
                    _json.WriteStringValue(ConstantCase.From(domain.ToString()));
                }
                _json.WriteEndArray();
                if (p.Budget is { } budget)
                {
                    _json.WriteNumber("budget", budget);
                }
                Optional("start", p.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                Optional("end", p.End?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case Theme t:
                _json.WriteString("domain", ConstantCase.From(t.Domain.ToString()));
                break;
            case Territory t:
                _json.WriteString("code", t.Code);
                _json.WriteString("level", ConstantCase.From(t.Level.ToString()));
                Optional("parentId", t.ParentId);
                break;
        }
        EndLine();
        Nodes++;
    }

    public void AddLink(Link link)
    {
        if (link.Type == LinkType.PartOf && _servicesAwaitingAuthority.Remove(link.SourceId, out var service))
        {
            WriteNode(service, link.TargetId);
            return;
        }
        _json.WriteStartObject();
        _json.WriteString("op", "link");
        _json.WriteString("id", link.Id);
        _json.WriteString("type", LinkTypeNames.ToConstant(link.Type));
        _json.WriteString("sourceId", link.SourceId);
        _json.WriteString("targetId", link.TargetId);
        Optional("since", link.Since?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Optional("until", link.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Optional("kind", link.CooperationKind is { } kind ? ConstantCase.From(kind.ToString()) : null);
        if (link.Intensity is { } intensity)
        {
            _json.WriteNumber("intensity", intensity);
        }
        Optional("instrument", link.Instrument is { } instrument ? ConstantCase.From(instrument.ToString()) : null);
        if (link.Amount is { } amount)
        {
            _json.WriteNumber("amount", amount);
        }
        Optional("domain", link.Domain is { } domain ? ConstantCase.From(domain.ToString()) : null);
        if (link.Year is { } year)
        {
            _json.WriteNumber("year", year);
        }
        Optional("outcome", link.Outcome is { } outcome ? ConstantCase.From(outcome.ToString()) : null);
        Optional("stage", link.Stage is { } stage ? ConstantCase.From(stage.ToString()) : null);
        Optional("source", link.Source);
        Optional("privateTo", link.PrivateTo);
        EndLine();
        Links++;
    }

    /// <summary>Writes the services whose authority never came (an import will refuse them, as it should).</summary>
    public void Dispose()
    {
        foreach (var service in _servicesAwaitingAuthority.Values)
        {
            WriteNode(service, authorityId: null);
        }
        _servicesAwaitingAuthority.Clear();
        _json.Dispose();
    }

    private void Optional(string name, string? value)
    {
        if (value is not null)
        {
            _json.WriteString(name, value);
        }
    }

    private void EndLine()
    {
        _json.WriteEndObject();
        _json.Flush();
        stream.Write(NewLine);
        _json.Reset();
    }
}
