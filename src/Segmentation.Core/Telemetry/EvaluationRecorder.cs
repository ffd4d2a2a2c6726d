using Segmentation.Core.Engine;

namespace Segmentation.Core.Telemetry;

/// <summary>Records one evaluated result to the library's instruments, skipping work when nobody listens.</summary>
internal static class EvaluationRecorder
{
    public static void Record(SegmentationResult result, IReadOnlyList<string> membershipIds, TimeSpan duration, string operation)
    {
        var operationTag = new KeyValuePair<string, object?>(SegmentationTelemetry.OperationTag, operation);
        if (SegmentationTelemetry.Evaluations.Enabled)
        {
            SegmentationTelemetry.Evaluations.Add(1, operationTag);
        }

        if (result.HasFaults && SegmentationTelemetry.Faults.Enabled)
        {
            SegmentationTelemetry.Faults.Add(1, operationTag);
        }

        if (SegmentationTelemetry.Duration.Enabled)
        {
            SegmentationTelemetry.Duration.Record(duration.TotalSeconds, operationTag);
        }

        if (SegmentationTelemetry.Matches.Enabled)
        {
            foreach (var id in membershipIds)
            {
                if (result.StateOf(id) == SegmentState.In)
                {
                    SegmentationTelemetry.Matches.Add(1, new KeyValuePair<string, object?>(SegmentationTelemetry.SegmentTag, id), operationTag);
                }
            }
        }
    }
}
