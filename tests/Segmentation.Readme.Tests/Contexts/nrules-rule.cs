// Context of the README's own NRules rule (under "NRules backend"): the NRules.Fluent and membership-fact namespaces,
// the RetentionOffer fact the rule inserts, and a program that loads the rule into the NRules engine next to the
// quickstart's catalog, as the comment under the rule says, and checks that it fires for the quickstart's customer
// (in churn-risk, 730 spent) and not for one who spent 500.
// include: quickstart
using NRules.Fluent;
using NRules.Fluent.Dsl;
using Segmentation.NRules.Engine;
using Segmentation.NRules.Facts;

var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
var customer = new Customer
{
    Id = "c-42",
    Orders = [new(new DateTime(2026, 6, 2), 240m), new(new DateTime(2026, 3, 9), 400m), new(new DateTime(2025, 12, 1), 90m)],
};
var frugal = new Customer
{
    Id = "c-43",
    Orders = [new(new DateTime(2026, 6, 2), 100m), new(new DateTime(2026, 3, 9), 300m), new(new DateTime(2025, 12, 1), 100m)],
};
var repository = new RuleRepository();
repository.Load(x => x.From(typeof(RetentionOfferRule)));
var options = new NRulesEngineOptions();
foreach (var set in repository.GetRuleSets())
    options.AdditionalRuleSets.Add(set);
var engine = NRulesSegmentEngine.Compile(new RetailSegments(), options);

ReadmeClaim.Check(engine.Run(customer, asOf).Query<RetentionOffer>().SequenceEqual([new RetentionOffer("c-42")]), "the rule inserts an offer for a churn-risk customer who spent more than 500");
ReadmeClaim.Check(engine.Run(frugal, asOf).Query<RetentionOffer>().Count == 0, "no offer at a spend of 500");

public sealed record RetentionOffer(string CustomerId);

// README fragment
