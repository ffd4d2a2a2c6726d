using Segmentation.Storage.PostgreSql;

namespace Segmentation.Storage.Tests.PostgreSql;

/// <summary>The store's connection settings: statements auto-prepared by default, an explicit choice kept (no server needed).</summary>
public sealed class PostgreSqlConnectionSettingsTests
{
    private const string Server = "Host=db;Database=segments;Username=app";

    [Fact]
    public void ConnectionSettings_MaxAutoPrepareNotGiven_Prepares32Statements()
    {
        PostgreSqlDialect.ConnectionSettings(Server, TimeSpan.FromSeconds(30)).MaxAutoPrepare.Should().Be(32);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0", 0)]
    [InlineData("max auto prepare = 0", 0)]
    [InlineData("MaxAutoPrepare=0", 0)]
    [InlineData("Max Auto Prepare=5", 5)]
    public void ConnectionSettings_MaxAutoPrepareGiven_KeepsIt(string setting, int expected)
    {
        PostgreSqlDialect.ConnectionSettings($"{Server};{setting}", TimeSpan.FromSeconds(30)).MaxAutoPrepare.Should().Be(expected);
    }

    [Fact]
    public void ConnectionSettings_Timeout_SetsCommandAndConnectTimeouts()
    {
        var settings = PostgreSqlDialect.ConnectionSettings(Server, TimeSpan.FromSeconds(2.5));

        settings.CommandTimeout.Should().Be(3);
        settings.Timeout.Should().Be(3);
        settings.Host.Should().Be("db");
    }
}
