using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Segmentation.Core.Batch;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Tracking;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.DependencyInjection;

/// <summary>Options through the container, and the batch runner and tracker resolved with their loggers.</summary>
public sealed class SegmentationServicesTests
{
    [Fact]
    public void ConfigureEngine_Callback_IsUsedToCompileTheEngine()
    {
        var services = new ServiceCollection();
        services.AddSegmentation(b => b.AddCatalog(Catalog()).ConfigureEngine(o => o.PreferInterpretation = true));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<SegmentEngine<Person>>().IsInterpreted.Should().BeTrue();
    }

    [Fact]
    public void EngineOptions_ConfiguredThroughIOptions_AreUsed()
    {
        var services = new ServiceCollection();
        services.AddSegmentation(b => b.AddCatalog(Catalog()));
        services.Configure<SegmentEngineOptions>(o => o.PreferInterpretation = true);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<SegmentEngine<Person>>().IsInterpreted.Should().BeTrue();
    }

    [Fact]
    public void ConfigureEngine_TimeProvider_WinsOverTheContainerClock()
    {
        var container = new FakeTimeProvider(AsOf);
        var configured = new FakeTimeProvider(AsOf.AddDays(10));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(container);
        services.AddSegmentation(b => b.AddCatalog(Catalog()).ConfigureEngine(o => o.TimeProvider = configured));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ISegmentEngine<Person>>().Evaluate(new Person()).AsOf.Should().Be(AsOf.AddDays(10));
        provider.GetRequiredService<IOptions<BatchOptions>>().Value.TimeProvider.Should().BeSameAs(container);
        provider.GetRequiredService<IOptions<MembershipTrackerOptions>>().Value.TimeProvider.Should().BeSameAs(container);
    }

    [Fact]
    public async Task BatchRunner_Resolved_UsesConfiguredOptionsAndTheContainerLogger()
    {
        var loggers = new ListLoggerFactory();
        var services = new ServiceCollection().AddSingleton<ILoggerFactory>(loggers);
        services.AddSegmentation(b => b.AddCatalog(Catalog()).ConfigureBatch(o => o.MaxDegreeOfParallelism = 1));
        using var provider = services.BuildServiceProvider();

        var runner = provider.GetRequiredService<BatchRunner<Person>>();
        var summary = await runner.RunAsync([new Person { Nps = 10 }, new Person { Nps = 1 }], AsOf);

        summary.SegmentCounts["promoter"].Should().Be(1);
        loggers.Entries.Should().ContainSingle(e => e.Category == "Segmentation.Core.Batch.BatchRunner" && e.Message.StartsWith("Batch finished: 2 profiles"));
    }

    [Fact]
    public void BatchRunner_InvalidConfiguredOptions_FailWithEveryProblemWhenResolved()
    {
        var services = new ServiceCollection();
        services.AddSegmentation(b => b.AddCatalog(Catalog()).ConfigureBatch(o => { o.ChunkSize = 0; o.MaxDegreeOfParallelism = 0; }));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<BatchRunner<Person>>();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().BeEquivalentTo(
            "MaxDegreeOfParallelism must be between 1 and 1024 (was 0)",
            "ChunkSize must be at least 1 or null for automatic (was 0)");
    }

    [Fact]
    public async Task MembershipTracker_Resolved_UsesTheRegisteredStoreAndTheContainerLogger()
    {
        var loggers = new ListLoggerFactory();
        var store = new InMemoryMembershipStore();
        var services = new ServiceCollection().AddSingleton<ILoggerFactory>(loggers).AddSingleton<IMembershipStore>(store);
        services.AddSegmentation(b => b.AddCatalog(Catalog()).ConfigureTracking(o => o.IncludeExplanations = false));
        using var provider = services.BuildServiceProvider();

        var tracker = provider.GetRequiredService<MembershipTracker<Person>>();
        var update = await tracker.TrackAsync(new Person { Id = "p1", Nps = 10 }, AsOf);
        await tracker.TrackAsync(new Person { Id = "p2", Nps = null }, AsOf);

        update.Changes.Should().ContainSingle(c => c.SegmentId == "promoter" && c.Explanation == null);
        (await store.GetAsync("p1")).Should().NotBeNull();
        loggers.Entries.Should().Contain(e => e.Category == "Segmentation.Core.Tracking.MembershipTracker" && e.Level == LogLevel.Warning);
    }

    [Fact]
    public void MembershipTracker_NoStoreRegistered_SaysWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddSegmentation(b => b.AddCatalog(Catalog()));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<MembershipTracker<Person>>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*needs an IMembershipStore*");
    }

    private static SegmentCatalog<Person> Catalog() => SegmentCatalog.Create<Person>(s =>
    {
        s.IdentifiedBy(p => p.Id);
        s.Segment("promoter").When(p => p.Nps!.Value >= 9);
    });

    private sealed class ListLoggerFactory : ILoggerFactory
    {
        private readonly List<(string Category, LogLevel Level, string Message)> entries = [];

        public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries
        {
            get
            {
                lock (entries)
                {
                    return [.. entries];
                }
            }
        }

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, this);

        public void Dispose()
        {
        }

        private sealed class ListLogger(string category, ListLoggerFactory owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.entries)
                {
                    owner.entries.Add((category, logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
