using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Segmentation.Core.Batch;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Telemetry;
using Segmentation.Core.Tests.Tracking;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Telemetry;

[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task BatchRun_WithMeterListener_CountsEvaluationsFaultsAndMatchesPerSegment()
    {
        var engine = SegmentEngine.Compile(new TaggedCatalog());
        var profiles = Enumerable.Range(0, 12).Select(i => new Customer { Id = $"t{i}-{Guid.NewGuid():N}", NpsScore = i }).Append(null!).ToArray();
        var ids = profiles.Where(p => p is not null).Select(p => p.Id).ToHashSet();
        using var metrics = new MetricsRecorder();

        await new BatchRunner<Customer>(engine, new BatchOptions { ChunkSize = 5 }).RunAsync(profiles, Workload.AsOf);

        metrics.Sum(SegmentationTelemetry.EvaluationsName, "batch").Should().Be(13);
        metrics.Sum(SegmentationTelemetry.FaultsName, "batch").Should().Be(1);
        metrics.Sum(SegmentationTelemetry.MatchesName, "batch", "telemetry-promoter").Should().Be(3);
        metrics.Sum(SegmentationTelemetry.MatchesName, "batch", "telemetry-detractor").Should().Be(7);
        metrics.Count(SegmentationTelemetry.DurationName, "batch").Should().Be(13);
    }

    [Fact]
    public async Task BatchRun_WithActivityListener_EmitsOneSpanWithProfileAndFaultedCounts()
    {
        var engine = SegmentEngine.Compile(new TaggedCatalog());
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SegmentationTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var parent = new Activity("telemetry-test").Start();

        await new BatchRunner<Customer>(engine).RunAsync([new Customer { Id = "a", NpsScore = 9 }, null!, new Customer { Id = "b" }], Workload.AsOf);

        var span = stopped.Should().ContainSingle(a => a.ParentId == parent.Id).Subject;
        span.OperationName.Should().Be(SegmentationTelemetry.BatchActivityName);
        span.GetTagItem(SegmentationTelemetry.ProfileCountTag).Should().Be(3L);
        span.GetTagItem(SegmentationTelemetry.FaultedCountTag).Should().Be(1L);
    }

    [Fact]
    public async Task BatchRun_WithLogger_LogsFaultedProfileAndBatchFinished()
    {
        var engine = SegmentEngine.Compile(new TaggedCatalog());
        var logger = new ListLogger();

        await new BatchRunner<Customer>(engine, logger: logger).RunAsync([new Customer { Id = "a" }, null!], Workload.AsOf);

        logger.Entries.Should().HaveCount(2);
        logger.Entries[0].Should().Match<LogEntry>(e => e.Level == LogLevel.Warning && e.Id == 2 && e.Message.StartsWith("Profile #1"));
        logger.Entries[1].Should().Match<LogEntry>(e => e.Level == LogLevel.Information && e.Id == 1 && e.Message.StartsWith("Batch finished: 2 profiles, 1 faulted"));
    }

    [Fact]
    public async Task Tracker_WithMeterListener_CountsTrackingEvaluationsAndMatches()
    {
        var tracker = new MembershipTracker<Customer>(TestCatalogs.Journey(), new InMemoryMembershipStore());
        using var metrics = new MetricsRecorder();

        await tracker.TrackAsync(TestCatalogs.Customer("m1", TestCatalogs.Utc(2026, 5, 30)), TestCatalogs.AsOf);
        await tracker.TrackAsync(TestCatalogs.Customer("m2"), TestCatalogs.AsOf);

        metrics.Sum(SegmentationTelemetry.EvaluationsName, "tracking").Should().BeGreaterThanOrEqualTo(2);
        metrics.Sum(SegmentationTelemetry.MatchesName, "tracking", "purchase").Should().BeGreaterThanOrEqualTo(1);
        metrics.Sum(SegmentationTelemetry.MatchesName, "tracking", "awareness").Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Evaluate_SingleProfile_RecordsNothing()
    {
        var engine = SegmentEngine.Compile(new TaggedCatalog());
        using var metrics = new MetricsRecorder();

        engine.Evaluate(new Customer { Id = "single", NpsScore = 10 }, Workload.AsOf);

        metrics.Sum(SegmentationTelemetry.MatchesName, "batch", "telemetry-promoter").Should().Be(0);
        metrics.Sum(SegmentationTelemetry.MatchesName, "tracking", "telemetry-promoter").Should().Be(0);
    }

    private sealed class TaggedCatalog : SegmentCatalog<Customer>
    {
        protected override void Define(ICatalogBuilder<Customer> s)
        {
            s.IdentifiedBy(c => c.Id);
            s.Segment("telemetry-promoter").When(s.Value(c => c.NpsScore).AtLeast(9));
            s.Segment("telemetry-detractor").When(s.Value(c => c.NpsScore).AtMost(6));
        }
    }

    private sealed class MetricsRecorder : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();

        public MetricsRecorder()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SegmentationTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            listener.Start();
        }

        public double Sum(string instrument, string operation, string? segment = null) =>
            Matching(instrument, operation, segment).Sum(m => m.Value);

        public int Count(string instrument, string operation) => Matching(instrument, operation, null).Count();

        public void Dispose() => listener.Dispose();

        private IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> Matching(string instrument, string operation, string? segment) =>
            measurements.Where(m => m.Instrument == instrument
                && Equals(m.Tags.GetValueOrDefault(SegmentationTelemetry.OperationTag), operation)
                && (segment is null || Equals(m.Tags.GetValueOrDefault(SegmentationTelemetry.SegmentTag), segment)));

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            measurements.Enqueue((instrument.Name, value, copy));
        }
    }

}

[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;
