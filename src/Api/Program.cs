using CoopGraph.Api.Commands;

if (CommandLine.TryRun(args, out var exitCode))
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddSettingsBesideAssembly(builder.Environment.EnvironmentName);
builder.UseDefaultAddressUnlessConfigured("http://127.0.0.1:5080");
builder.Services.AddCoopGraphLogging(builder.Configuration, builder.Environment);
builder.Services.AddCoopGraphTelemetry(builder.Configuration);
builder.Services.AddCoopGraphGraph(builder.Configuration);
builder.Services.AddCoopGraphApi(builder.Configuration);

var app = builder.Build();
app.UseCoopGraphRequestLogging();
app.MapCoopGraph();
app.Run();
return 0;

/// <summary>Entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
