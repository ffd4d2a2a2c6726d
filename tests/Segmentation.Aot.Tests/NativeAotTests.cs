using System.Runtime.InteropServices;
using Segmentation.Packaging.Tests;

namespace Segmentation.Aot.Tests;

/// <summary>
/// Publishes tests/Segmentation.AotSmoke with NativeAOT (trimmed, trim and AOT warnings as errors), runs the native
/// executable, and checks that it evaluates its catalog with interpreted expressions exactly as the JIT build does with
/// compiled ones. Needs the native toolchain (clang, zlib): .ci/run installs it.
/// </summary>
[Trait("Category", "NativeAot")]
public sealed class NativeAotTests : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);
    private readonly string root = RepositoryRoot();
    private readonly string work = Directory.CreateTempSubdirectory("segmentation-aot-").FullName;

    [Fact]
    public void PublishAot_SmokeConsumer_EvaluatesLikeTheJitBuild()
    {
        var project = Path.Combine(root, "tests", "Segmentation.AotSmoke", "Segmentation.AotSmoke.csproj");
        var output = Path.Combine(work, "native");

        var publish = DotNet.Run(PublishTimeout, root, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", output,
            "--artifacts-path", Path.Combine(work, "aot-artifacts"), "-p:TreatWarningsAsErrors=true", "-nodeReuse:false");
        var native = DotNet.Run(TimeSpan.FromMinutes(1), work, Path.Combine(output, "Segmentation.AotSmoke"));
        var jit = DotNet.Run(PublishTimeout, root, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            "run", "--project", project, "-c", "Release", "-p:PublishAot=false",
            "--artifacts-path", Path.Combine(work, "jit-artifacts"), "-nodeReuse:false");

        publish.Should().NotContain("warning IL", "the trimmed publish must be free of trim and AOT warnings");
        var nativeLines = Lines(native);
        var jitLines = Lines(jit);
        nativeLines[0].Should().Be("dynamic code: False, interpreted: True");
        jitLines[0].Should().Be("dynamic code: True, interpreted: False");
        nativeLines.Should().HaveCountGreaterThan(41).And.Contain(l => l.StartsWith("s39: [loyal,big-spender,"));
        nativeLines.Skip(1).Should().Equal(jitLines.Skip(1));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SkipWhile(l => !l.StartsWith("dynamic code:", StringComparison.Ordinal)).ToArray();

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
}
