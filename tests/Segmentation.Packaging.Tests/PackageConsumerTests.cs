using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Segmentation.Packaging.Tests;

/// <summary>
/// Packs Segmentation.Core, Segmentation.Analytics, Segmentation.Testing and Segmentation.NRules with a unique prerelease version (so the NuGet cache never serves a
/// stale package), then builds and runs a console app that consumes them from a local feed, as a user would.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string root = RepositoryRoot();
    private readonly string work = Directory.CreateTempSubdirectory("segmentation-packaging-").FullName;
    private readonly string suffix = "test." + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public void Pack_EveryPackage_ConsoleAppConsumesThemFromALocalFeed()
    {
        var version = $"{VersionPrefix()}-{suffix}";
        var feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
        var artifacts = Path.Combine(work, "artifacts");
        foreach (var project in new[] { "Segmentation.Core", "Segmentation.Analytics", "Segmentation.Testing", "Segmentation.NRules" })
        {
            DotNet.Run(root, "pack", Path.Combine(root, "src", project, project + ".csproj"), "-c", "Release", "-o", feed,
                "--version-suffix", suffix, "--artifacts-path", artifacts, "-nodeReuse:false");
        }

        AssertPackage(feed, "Segmentation.Core", version, ["FluentValidation", "FastExpressionCompiler"]);
        AssertPackage(feed, "Segmentation.Analytics", version, ["Segmentation.Core"]);
        AssertPackage(feed, "Segmentation.Testing", version, ["Segmentation.Core"]);
        AssertPackage(feed, "Segmentation.NRules", version, ["Segmentation.Core", "NRules.RuleModel", "NRules.Runtime"]);

        var app = Directory.CreateDirectory(Path.Combine(work, "app")).FullName;
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="segmentation-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);
        DotNet.Run(app, "add", "package", "Segmentation.Core", "--version", version);
        DotNet.Run(app, "add", "package", "Segmentation.Analytics", "--version", version);
        DotNet.Run(app, "add", "package", "Segmentation.Testing", "--version", version);
        DotNet.Run(app, "add", "package", "Segmentation.NRules", "--version", version);

        var output = DotNet.Run(app, "run", "-c", "Release", "-nodeReuse:false");

        output.Should().Contain("loyal: True")
            .And.Contain("Expected profile 'c1' not to be in 'loyal' as of 2026-11-01T00:00:00Z, but it is.")
            .And.Contain("  count(orders) in last 365 days = 2, needs >= 2: yes")
            .And.Contain("user-2: treatment")
            .And.Contain($"version: {version}+")
            .And.Contain("nrules loyal: True, native agrees: True")
            .And.Contain("rule \"loyal\" priority");
    }

    public void Dispose()
    {
        TryDelete(work);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "segmentation.core", "segmentation.analytics", "segmentation.testing", "segmentation.nrules" })
        {
            TryDelete(Path.Combine(cache, id, $"{VersionPrefix()}-{suffix}"));
        }
    }

    private const string ConsumerProgram = """
        using System.Reflection;
        using Segmentation.Analytics.Experiments;
        using Segmentation.Core.Dsl;
        using Segmentation.Core.Engine;
        using Segmentation.Testing;

        var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var catalog = SegmentCatalog.Create<Customer>(s =>
        {
            s.IdentifiedBy(c => c.Id);
            var orders = s.Dated(c => c.Orders, o => o.At, "orders");
            s.Segment("loyal").When(orders.Count().InLast(365).AtLeast(2));
        });
        var engine = SegmentEngine.Compile(catalog, new SegmentEngineOptions { TimeProvider = new FixedClock(asOf) });
        var customer = new Customer("c1", [new Order(asOf.UtcDateTime.AddDays(-10)), new Order(asOf.UtcDateTime.AddDays(-40))]);

        Console.WriteLine($"loyal: {engine.Evaluate(customer).IsIn("loyal")}");
        engine.AssertIn(customer, "loyal");
        try
        {
            engine.AssertNotIn(customer, "loyal");
        }
        catch (SegmentAssertionException ex)
        {
            Console.WriteLine(ex.Message);
        }

        var experiment = new Experiment("checkout-2024", [new("control", 1), new("treatment", 1)], holdoutBasisPoints: 1000);
        Console.WriteLine($"user-2: {experiment.Assign("user-2")}");

        var nrules = Segmentation.NRules.Engine.NRulesSegmentEngine.Compile(catalog);
        Console.WriteLine($"nrules loyal: {nrules.Evaluate(customer, asOf).IsIn("loyal")}, native agrees: {nrules.Evaluate(customer, asOf).ToString() == engine.Evaluate(customer, asOf).ToString()}");
        Console.WriteLine(nrules.Rules);

        Console.WriteLine($"version: {typeof(SegmentEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion}");

        public sealed record Order(DateTime At);

        public sealed record Customer(string Id, List<Order> Orders);
        """;

    private static void AssertPackage(string feed, string id, string version, string[] dependencies)
    {
        var path = Path.Combine(feed, $"{id}.{version}.nupkg");
        File.Exists(path).Should().BeTrue($"{id} {version} should have been packed");
        using var package = ZipFile.OpenRead(path);
        var entries = package.Entries.Select(e => e.FullName).ToArray();
        entries.Should().Contain(["README.md", $"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml"]);

        using (var nuspecStream = package.GetEntry($"{id}.nuspec")!.Open())
        {
            var nuspec = XDocument.Load(nuspecStream);
            XNamespace ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            metadata.Element(ns + "version")!.Value.Should().Be(version);
            metadata.Element(ns + "license")!.Value.Should().Be("MIT");
            metadata.Element(ns + "readme")!.Value.Should().Be("README.md");
            metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).Should().Contain(dependencies);
        }

        using var dll = new MemoryStream();
        using (var entry = package.GetEntry($"lib/net10.0/{id}.dll")!.Open())
        {
            entry.CopyTo(dll);
        }

        dll.Position = 0;
        using var pe = new PEReader(dll);
        pe.ReadDebugDirectory().Should().Contain(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb, $"{id} should embed its PDB");
    }

    private string VersionPrefix() =>
        XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Segmentation.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Segmentation.Core.sln not found above " + AppContext.BaseDirectory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
