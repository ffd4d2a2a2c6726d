using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.DependencyInjection;

public sealed class SegmentationServiceCollectionExtensionsTests
{
    private sealed class BuyerCatalog : SegmentCatalog<Person>
    {
        protected override void Define(ICatalogBuilder<Person> s) =>
            s.Segment("buyer").When(s.Dated(p => p.Facts, f => f.At).Any().InLast(30));
    }

    private sealed class PromoterCatalog : SegmentCatalog<Person>
    {
        protected override void Define(ICatalogBuilder<Person> s)
        {
            s.Segment("promoter").When(p => p.Nps >= 9);
            s.Segment("promoting-buyer").When(s.InSegment("buyer")).And(s.InSegment("promoter"));
        }
    }

    [Fact]
    public void AddSegmentation_Catalog_RegistersCatalogAndEngineAsSingletons()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddSegmentation(b => b.AddCatalog<BuyerCatalog, Person>());

        // Act
        using var provider = services.BuildServiceProvider();

        // Assert
        services.Should().Contain(d => d.ServiceType == typeof(BuyerCatalog) && d.Lifetime == ServiceLifetime.Singleton);
        services.Should().Contain(d => d.ServiceType == typeof(SegmentEngine<Person>) && d.Lifetime == ServiceLifetime.Singleton);
        services.Should().Contain(d => d.ServiceType == typeof(ISegmentEngine<Person>) && d.Lifetime == ServiceLifetime.Singleton);
        provider.GetRequiredService<ISegmentEngine<Person>>().Should().BeSameAs(provider.GetRequiredService<SegmentEngine<Person>>());
        provider.GetRequiredService<SegmentEngine<Person>>().Should().BeSameAs(provider.GetRequiredService<SegmentEngine<Person>>());
        provider.GetRequiredService<BuyerCatalog>().Should().BeSameAs(provider.GetServices<SegmentCatalog<Person>>().Single());
    }

    [Fact]
    public void AddSegmentation_CalledTwice_DoesNotDuplicate()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddSegmentation(b => b.AddCatalog<BuyerCatalog, Person>());
        services.AddSegmentation(b => b.AddCatalog<BuyerCatalog, Person>());

        // Act
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<ISegmentEngine<Person>>();

        // Assert
        services.Count(d => d.ServiceType == typeof(SegmentEngine<Person>)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(ISegmentEngine<Person>)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(SegmentCatalog<Person>)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(BuyerCatalog)).Should().Be(1);
        engine.MembershipIds.Should().Equal("buyer");
    }

    [Fact]
    public void AddSegmentation_TimeProviderInContainer_IsDefaultAsOf()
    {
        // Arrange
        var clock = new FakeTimeProvider(AsOf);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddSegmentation(b => b.AddCatalog<BuyerCatalog, Person>());
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<ISegmentEngine<Person>>();
        var person = With(new Fact(DaysAgo(29)));

        // Act
        var now = engine.Evaluate(person);
        clock.Advance(TimeSpan.FromDays(2));
        var later = engine.Evaluate(person);

        // Assert
        now.AsOf.Should().Be(AsOf);
        now.IsIn("buyer").Should().BeTrue();
        later.IsIn("buyer").Should().BeFalse();
    }

    [Fact]
    public void AddSegmentation_TwoCatalogsOfSameProfile_MergesIntoOneEngine()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddSegmentation(b => b.AddCatalog<BuyerCatalog, Person>().AddCatalog<PromoterCatalog, Person>());
        using var provider = services.BuildServiceProvider();

        // Act
        var engine = provider.GetRequiredService<ISegmentEngine<Person>>();
        var result = engine.Evaluate(new Person { Nps = 10, Facts = [new Fact(DaysAgo(1))] }, AsOf);

        // Assert
        engine.MembershipIds.Should().Equal("buyer", "promoter", "promoting-buyer");
        result.Segments.Should().Equal("buyer", "promoter", "promoting-buyer");
    }

    [Fact]
    public void AddSegmentation_CatalogInstance_RegistersIt()
    {
        var catalog = SegmentCatalog.Create<Person>(s => s.Segment("x").When(p => p.Nps > 1));
        var services = new ServiceCollection();
        services.AddSegmentation(b => b.AddCatalog(catalog));
        using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<ISegmentEngine<Person>>();

        engine.MembershipIds.Should().Equal("x");
        provider.GetRequiredService<SegmentCatalog<Person>>().Should().BeSameAs(catalog);
    }

    [Fact]
    public void AddSegmentation_SameCatalogInstanceTwice_RegistersItOnce()
    {
        var catalog = SegmentCatalog.Create<Person>(s => s.Segment("x").When(p => p.Nps > 1));
        var other = SegmentCatalog.Create<Person>(s => s.Segment("y").When(p => p.Nps > 2));
        var services = new ServiceCollection();
        services.AddSegmentation(b => b.AddCatalog(catalog).AddCatalog(other));
        services.AddSegmentation(b => b.AddCatalog(catalog));
        using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<ISegmentEngine<Person>>();

        engine.MembershipIds.Should().Equal("x", "y");
    }

    [Fact]
    public void AddSegmentation_NullServices_Throws()
    {
        var act = () => SegmentationServiceCollectionExtensions.AddSegmentation(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("services");
    }
}
