namespace Segmentation.Analytics.Purchases;

internal readonly record struct LogLine(int Number, string Text)
{
    public static IEnumerable<LogLine> NonBlank(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
                yield return new LogLine(number, text);
        }
    }
}
