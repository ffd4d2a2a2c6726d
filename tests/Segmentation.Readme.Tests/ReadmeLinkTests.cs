using System.Text.RegularExpressions;

namespace Segmentation.Readme.Tests;

/// <summary>The READMEs link what the repository holds: no path of a build machine, and every relative link resolves.</summary>
public sealed partial class ReadmeLinkTests
{
    public static TheoryData<string> Readmes => [.. Repository.Readmes()];

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Readme_NamesNoMachinePath(string readme)
    {
        var text = File.ReadAllText(Repository.PathOf(readme));

        MachinePath().Matches(text).Select(m => m.Value).Should().BeEmpty($"{readme} is read on other machines: it names repository paths only");
    }

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Readme_RelativeLinksResolve(string readme)
    {
        var text = File.ReadAllText(Repository.PathOf(readme));
        var directory = Path.GetDirectoryName(Repository.PathOf(readme))!;

        var broken = Link().Matches(text).Select(m => m.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#'))
            .Select(target => target.Split('#')[0])
            .Where(target => !File.Exists(Path.Combine(directory, target)) && !Directory.Exists(Path.Combine(directory, target)));

        broken.Should().BeEmpty($"every relative link of {readme} points into the repository");
    }

    [GeneratedRegex(@"(?<![\w.])(/work/|/home/|/tmp/|/root/|/Users/|[A-Z]:\\)[^\s`)]*")]
    private static partial Regex MachinePath();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
