using System.Diagnostics;
using System.Globalization;

namespace Segmentation.Storage.Tests.Support;

/// <summary>
/// A real, small file system: a tmpfs of a few MiB mounted on a temp directory (needs root or CAP_SYS_ADMIN, as on the
/// project's machines and CI), so that writes really end with ENOSPC. Unmounted and deleted on dispose.
/// </summary>
internal sealed class SmallFileSystem : IDisposable
{
    private SmallFileSystem(string path) => Path = path;

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> bytes, open to every user (the PostgreSQL server writes there too).</summary>
    /// <param name="bytes">The size.</param>
    /// <returns>The file system, or the reason it could not be mounted.</returns>
    public static (SmallFileSystem? Mounted, string? WhyNot) TryMount(long bytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "seg-tmpfs-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        var (ok, output) = Run("mount", "-t", "tmpfs", "-o", $"size={bytes.ToString(CultureInfo.InvariantCulture)},mode=0777", "tmpfs", path);
        if (ok)
        {
            return (new SmallFileSystem(path), null);
        }

        Directory.Delete(path);
        return (null, $"mounting a tmpfs needs root or CAP_SYS_ADMIN (mount said: {output.Trim()})");
    }

    /// <summary>Grows the file system to <paramref name="bytes"/> bytes, keeping its files (an operator freeing room).</summary>
    /// <param name="bytes">The new size.</param>
    public void Grow(long bytes)
    {
        var (ok, output) = Run("mount", "-o", $"remount,size={bytes.ToString(CultureInfo.InvariantCulture)}", Path);
        if (!ok)
        {
            throw new InvalidOperationException($"remounting {Path} failed: {output}");
        }
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (bool Ok, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode == 0, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }
}
