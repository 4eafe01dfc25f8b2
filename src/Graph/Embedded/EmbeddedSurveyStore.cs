using System.Text.Json;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Surveys;
using CoopGraph.Graph.Surveys;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>Surveys, invitations and declarations in the embedded database file, beside the graph.</summary>
public sealed class EmbeddedSurveyStore(EmbeddedGraphStore graph) : ISurveyStore
{
    private const string Columns = "id, authority_id, title, opens_on, closes_on, closed_at, created_at";

    public async Task CreateAsync(Survey survey, IReadOnlyList<(string ServiceId, string TokenHash)> invitations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(invitations);
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.Command(transaction,
            "INSERT INTO surveys (" + Columns + ") VALUES (@id, @authority, @title, @opens, @closes, NULL, @created)"))
        {
            command.Add("@id", survey.Id);
            command.Add("@authority", survey.AuthorityId);
            command.Add("@title", survey.Title);
            command.Add("@opens", SqlValues.Db(survey.OpensOn));
            command.Add("@closes", SqlValues.Db(survey.ClosesOn));
            command.Add("@created", SqlValues.Instant(survey.CreatedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (serviceId, tokenHash) in invitations)
        {
            await using var command = connection.Command(transaction,
                "INSERT INTO survey_invitations (survey_id, service_id, token_hash) VALUES (@survey, @service, @hash)");
            command.Add("@survey", survey.Id);
            command.Add("@service", serviceId);
            command.Add("@hash", tokenHash);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Survey>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + Columns + " FROM surveys WHERE id IN (SELECT value FROM json_each(@ids))";
        command.Add("@ids", JsonSerializer.Serialize(ids));
        return await ReadSurveysAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Survey>> ListAsync(string authorityId, CancellationToken cancellationToken)
    {
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + Columns + " FROM surveys WHERE authority_id = @authority ORDER BY opens_on DESC, created_at DESC, id";
        command.Add("@authority", authorityId);
        return await ReadSurveysAsync(command, cancellationToken);
    }

    public async Task<(Survey Survey, string ServiceId)?> FindInvitationAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT s.id, s.authority_id, s.title, s.opens_on, s.closes_on, s.closed_at, s.created_at, i.service_id " +
            "FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id WHERE i.token_hash = @hash";
        command.Add("@hash", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (ReadSurvey(reader), reader.GetString(7)) : null;
    }

    public async Task<bool> ReissueAsync(string surveyId, string serviceId, string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE survey_invitations SET token_hash = @hash WHERE survey_id = @survey AND service_id = @service";
        command.Add("@hash", tokenHash);
        command.Add("@survey", surveyId);
        command.Add("@service", serviceId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> CloseAsync(string surveyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE surveys SET closed_at = @at WHERE id = @id AND closed_at IS NULL";
        command.Add("@at", SqlValues.Instant(at));
        command.Add("@id", surveyId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<SurveyInvitation>> GetInvitationsAsync(string surveyId, CancellationToken cancellationToken)
    {
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT i.service_id, i.answered_at, (SELECT count(*) FROM survey_declarations d WHERE d.survey_id = i.survey_id AND d.service_id = i.service_id) " +
            "FROM survey_invitations i WHERE i.survey_id = @survey ORDER BY i.service_id";
        command.Add("@survey", surveyId);
        var invitations = new List<SurveyInvitation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            invitations.Add(new SurveyInvitation(surveyId, reader.GetString(0), await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.Instant(1), reader.GetInt32(2)));
        }
        return invitations;
    }

    public async Task<IReadOnlyList<Declaration>> GetDeclarationsAsync(string surveyId, CancellationToken cancellationToken)
    {
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT service_id, partner_id, coop_kind, intensity, since, theme_ids FROM survey_declarations " +
            "WHERE survey_id = @survey ORDER BY service_id, partner_id";
        command.Add("@survey", surveyId);
        var declarations = new List<Declaration>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            declarations.Add(new Declaration(
                reader.GetString(0), reader.GetString(1), reader.Enum<CooperationKind>(2)!.Value, reader.GetInt32(3), reader.Date(4),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(5)) ?? []));
        }
        return declarations;
    }

    public async Task ReplaceDeclarationsAsync(
        string surveyId, string serviceId, IReadOnlyList<Declaration> declarations, DateTimeOffset? answeredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.Command(transaction, "DELETE FROM survey_declarations WHERE survey_id = @survey AND service_id = @service"))
        {
            command.Add("@survey", surveyId);
            command.Add("@service", serviceId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var d in declarations)
        {
            await using var command = connection.Command(transaction,
                "INSERT INTO survey_declarations (survey_id, service_id, partner_id, coop_kind, intensity, since, theme_ids) " +
                "VALUES (@survey, @service, @partner, @kind, @intensity, @since, @themes)");
            command.Add("@survey", surveyId);
            command.Add("@service", serviceId);
            command.Add("@partner", d.PartnerId);
            command.Add("@kind", d.Kind.ToString());
            command.Add("@intensity", d.Intensity);
            command.Add("@since", SqlValues.Db(d.Since));
            command.Add("@themes", JsonSerializer.Serialize(d.ThemeIds));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var command = connection.Command(transaction,
            "UPDATE survey_invitations SET answered_at = @at WHERE survey_id = @survey AND service_id = @service"))
        {
            command.Add("@at", answeredAt is { } at ? SqlValues.Instant(at) : null);
            command.Add("@survey", surveyId);
            command.Add("@service", serviceId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<Survey>> ReadSurveysAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var surveys = new List<Survey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            surveys.Add(ReadSurvey(reader));
        }
        return surveys;
    }

    private static Survey ReadSurvey(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        AuthorityId = r.GetString(1),
        Title = r.GetString(2),
        OpensOn = r.Date(3)!.Value,
        ClosesOn = r.Date(4),
        ClosedAt = r.IsDBNull(5) ? null : r.Instant(5),
        CreatedAt = r.Instant(6),
    };
}
