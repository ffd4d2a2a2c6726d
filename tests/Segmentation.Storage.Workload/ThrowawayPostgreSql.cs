using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Segmentation.Storage.Workload;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests and the benchmark: initialised in a temp directory with the server binaries
/// of Debian's <c>postgresql</c> package, started on a free local port, stopped and deleted at the end. As root (CI), the
/// server runs as the <c>postgres</c> user, which initdb requires. Without the binaries, <see cref="Unavailable"/> says so.
/// </summary>
public sealed class ThrowawayPostgreSql : IAsyncDisposable
{
    private const string User = "postgres";
    private string? bin;
    private string? root;
    private string? data;

    /// <summary>Why the cluster is not available, or <see langword="null"/> when it runs.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>
    /// Whether the server keeps PostgreSQL's default durability (<c>fsync</c>, <c>synchronous_commit</c> and
    /// <c>full_page_writes</c> on: every commit waits for its WAL to reach the disk). The tests turn it off for speed;
    /// the benchmark keeps it, as a production server would.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>Initialises and starts the cluster; when the server binaries are missing, sets <see cref="Unavailable"/> instead.</summary>
    /// <returns>A task that completes when the server accepts connections.</returns>
    public async Task StartAsync()
    {
        bin = FindBinaries();
        if (bin is null)
        {
            Unavailable = "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on PATH: " +
                "install Debian's 'postgresql' package (.ci/run does) to run the PostgreSQL store tests.";
            return;
        }

        var asRoot = Environment.UserName == "root";
        root = Path.Combine(Path.GetTempPath(), "seg-pg-" + Guid.NewGuid().ToString("N")[..12]);
        data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        if (asRoot)
        {
            await RunAsync("chown", null, "-R", $"{User}:", root);
        }

        Port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), asRoot, "-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C");
        var durability = Durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(
            Path.Combine(bin, "pg_ctl"),
            asRoot,
            "-D",
            data,
            "-l",
            Path.Combine(root, "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            $"-p {Port} -k {root} -c listen_addresses=127.0.0.1{durability} -c max_connections=200",
            "start");
    }

    /// <summary>Stops the server and deletes the cluster.</summary>
    /// <returns>A task that completes when it is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (bin is null || data is null || root is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(bin, "pg_ctl"), Environment.UserName == "root", "-D", data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (Unavailable is not null)
        {
            throw new InvalidOperationException(Unavailable);
        }

        var name = "seg_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Maximum Pool Size=40";

    /// <summary>Whether the PostgreSQL server binaries are installed.</summary>
    public static bool ServerInstalled => FindBinaries() is not null;

    private static string? FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderByDescending(d => d, StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return candidates.Concat(onPath).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, bool? asPostgres, params string[] args)
    {
        var start = asPostgres == true ? new ProcessStartInfo("runuser") : new ProcessStartInfo(program);
        if (asPostgres == true)
        {
            foreach (var arg in new[] { "-u", User, "--", program })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
