namespace Segmentation.Cli.Tracking;

/// <summary>Dispatches <c>segmentation track …</c>: help, or the command.</summary>
internal static class TrackCli
{
    /// <summary>Runs <c>track</c>; errors propagate to the app's one-line error handling.</summary>
    /// <param name="args">All arguments, <c>track</c> first.</param>
    /// <param name="output">Standard output.</param>
    /// <returns>0.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var options = TrackOptions.Parse([.. args.Skip(1)]);
        if (options.Help)
        {
            output.WriteLine(TrackOptions.Usage);
            return 0;
        }

        TrackCommand.RunAsync(options, output).GetAwaiter().GetResult();
        return 0;
    }
}
