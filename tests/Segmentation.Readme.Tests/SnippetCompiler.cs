using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Segmentation.Readme.Tests;

/// <summary>
/// Compiles README snippets with Roslyn as a new console app would: C# of .NET 10, nullable enabled, the implicit usings
/// of <c>dotnet new console</c>, and references to the framework and the built Segmentation assemblies. Warnings count
/// as failures, as they would in this repository.
/// </summary>
internal static class SnippetCompiler
{
    /// <summary>The global usings <c>dotnet new console</c> enables (ImplicitUsings).</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && IsManaged(path))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))]);

    /// <summary>Whether a block is a program (it has top-level statements) rather than declarations only.</summary>
    public static bool IsProgram(MarkdownBlock block) =>
        CSharpSyntaxTree.ParseText(block.Code, ParseOptions).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();

    /// <summary>Compiles a snippet, with the declaration-only snippets it builds on as further files of the same project.</summary>
    /// <param name="snippet">The snippet.</param>
    /// <param name="files">Other files of the project (declarations shared by several snippets), may be empty.</param>
    /// <returns>The assembly image, or the diagnostics that make the snippet fail.</returns>
    public static (byte[]? Image, IReadOnlyList<string> Problems) Compile(MarkdownBlock snippet, IReadOnlyList<MarkdownBlock> files)
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "GlobalUsings.g.cs") };
        trees.AddRange(new[] { snippet }.Concat(files).Select(b => CSharpSyntaxTree.ParseText(b.Code, ParseOptions, b.Line > 0 ? $"{b.File}:{b.Line}" : b.File)));
        var kind = IsProgram(snippet) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create(
            "Snippet" + Guid.NewGuid().ToString("N"),
            trees,
            References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToArray();
        return (emitted.Success && problems.Length == 0 ? image.ToArray() : null, problems);
    }

    /// <summary>
    /// Runs a compiled program in a new empty working directory (a snippet may write <c>segments.db</c> or read
    /// <c>segments.csv</c>), and returns what it wrote to the console.
    /// </summary>
    /// <param name="image">The program's assembly image.</param>
    /// <returns>The standard output.</returns>
    public static string Run(byte[] image)
    {
        var context = new AssemblyLoadContext("snippet", isCollectible: true);
        var original = Console.Out;
        var directory = Directory.CreateTempSubdirectory("readme-snippet-");
        var workingDirectory = Environment.CurrentDirectory;
        using var output = new StringWriter();
        try
        {
            Environment.CurrentDirectory = directory.FullName;
            var assembly = context.LoadFromStream(new MemoryStream(image));
            var entry = assembly.EntryPoint ?? throw new InvalidOperationException("The program has no entry point.");
            Console.SetOut(output);
            var result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            if (result is Task task)
                task.GetAwaiter().GetResult();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException("The snippet threw: " + e.InnerException, e.InnerException);
        }
        finally
        {
            Console.SetOut(original);
            Environment.CurrentDirectory = workingDirectory;
            context.Unload();
            DeleteQuietly(directory);
        }

        return output.ToString();
    }

    /// <summary>Loads a compiled snippet into the test's own context, to inspect the types it declares.</summary>
    /// <param name="image">The assembly image.</param>
    /// <returns>The assembly.</returns>
    public static Assembly Load(byte[] image) => AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(image));

    private static void DeleteQuietly(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open (a pooled SQLite connection) leaves the temporary directory behind; nothing to fail.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsManaged(string path)
    {
        try
        {
            _ = AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
