namespace Segmentation.Readme.Tests;

/// <summary>The repository the tests run in: found by walking up from the test assembly to the solution file.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Every README a reader sees: the repository's, each package's and the benchmarks'.</summary>
    public static IReadOnlyList<string> Readmes() =>
    [
        "README.md",
        .. Directory.GetFiles(PathOf("src"), "README.md", SearchOption.AllDirectories).Select(Relative).Order(StringComparer.Ordinal),
        "benchmarks/README.md",
    ];

    /// <summary>The package READMEs: every C# block in them is a complete program or file and is compiled.</summary>
    public static IReadOnlyList<string> PackageReadmes() =>
        [.. Directory.GetFiles(PathOf("src"), "README.md", SearchOption.AllDirectories).Select(Relative).Order(StringComparer.Ordinal)];

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Segmentation.Core.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("The repository root (Segmentation.Core.sln) is not above " + AppContext.BaseDirectory);
    }
}
