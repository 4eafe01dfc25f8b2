namespace Microsoft.AspNetCore.Builder;

public static class HostingExtensions
{
    /// <summary>
    /// Listens on <paramref name="address"/> only when neither --urls, ASPNETCORE_URLS nor the HTTP_PORTS
    /// settings chose an address: a default in appsettings.json would override ASPNETCORE_URLS.
    /// </summary>
    public static WebApplicationBuilder UseDefaultAddressUnlessConfigured(this WebApplicationBuilder builder, string address)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"]) && string.IsNullOrEmpty(configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(address);
        }
        return builder;
    }
}
