using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.ReferenceWorkload;

/// <summary>The checked-in generated source of the hand-written baselines is what <see cref="SyntheticSource"/> writes today.</summary>
public sealed class SyntheticSourceTests
{
    [Fact]
    public void GeneratedFile_IsUpToDate()
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "Segmentation.ReferenceWorkload", "Competent", SyntheticSource.FileName);
        var expected = SyntheticSource.Write();
        if (Environment.GetEnvironmentVariable("SEGMENTATION_REGENERATE") == "1")
        {
            File.WriteAllText(path, expected);
        }

        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(expected, "the generated baseline must be regenerated after changing SyntheticSource or SyntheticCatalogSpec");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Segmentation.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Segmentation.Core.sln) was not found above the test binaries.");
    }
}
