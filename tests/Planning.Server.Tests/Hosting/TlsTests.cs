using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Planning.Client.Api;
using Planning.Server.Hosting;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Hosting;

/// <summary>TLS when a certificate is configured (Kestrel's own endpoint settings), and no plain text beyond loopback.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("planning-tls-").FullName;
    private X509Certificate2 _certificate = null!;

    public Task InitializeAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(_folder, "tls.crt"), _certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_folder, "tls.key"), rsa.ExportPkcs8PrivateKeyPem());
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Server_CertificateConfigured_ServesOverTlsWithKeysAndRefusesPlainText()
    {
        var port = FreePort.Next();
        await using var server = await PlanningServer.StartOnKestrelAsync(new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = $"https://127.0.0.1:{port}",
            ["Kestrel:Endpoints:Grpc:Certificate:Path"] = Path.Combine(_folder, "tls.crt"),
            ["Kestrel:Endpoints:Grpc:Certificate:KeyPath"] = Path.Combine(_folder, "tls.key"),
            ["Kestrel:Endpoints:Web:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
        });
        var address = $"https://127.0.0.1:{port}";
        X509Certificate? presented = null;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            presented = certificate;
            return certificate is not null && certificate.GetCertHashString() == _certificate.GetCertHashString();
        };

        using var client = new PlanningClient(new PlanningClientOptions { Address = address, ApiKey = server.AdminKey, HttpHandler = handler });
        var me = await client.WhoAmIAsync(CancellationToken.None);

        Assert.Equal("test admin", me.Name);
        Assert.Equal(_certificate.GetCertHashString(), presented?.GetCertHashString());
        using var plain = new HttpClient();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.GetAsync($"http://127.0.0.1:{port}/"));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5081", true)]
    [InlineData("http://*:5081", true)]
    [InlineData("http://192.168.1.20:5081", true)]
    [InlineData("http://[::]:5081", true)]
    [InlineData("http://127.0.0.1:5081", false)]
    [InlineData("http://localhost:5081", false)]
    [InlineData("http://[::1]:5081", false)]
    [InlineData("https://0.0.0.0:5081", false)]
    public void IsPlainTextBeyondLoopback_Url_Judged(string url, bool refused) =>
        Assert.Equal(refused, ListenGuard.IsPlainTextBeyondLoopback(url));

    [Fact]
    public async Task Server_PlainTextOnAllInterfaces_RefusesToStartSayingWhy()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => PlanningServer.StartOnKestrelAsync(new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://0.0.0.0:{FreePort.Next()}",
            ["Kestrel:Endpoints:Web:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
        }));

        var message = e is InvalidOperationException ? e.Message : e.InnerException?.Message ?? e.Message;
        Assert.Contains("Kestrel:Endpoints:Grpc:Url", message);
        Assert.Contains("without TLS", message);
    }
}
