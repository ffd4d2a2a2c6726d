using System.Linq.Expressions;
using System.Reflection;
using Segmentation.Core.Model;
using static System.Linq.Expressions.Expression;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Compiles a network's units into straight-line code: comparisons, references and and/or/not are inlined with their
/// memo in the frame, so a profile's evaluation runs as a few generated methods instead of a walk over node objects.
/// Units are split into chunks so each generated method stays small enough for the JIT to optimize fully.
/// Generating code costs about a millisecond per unit, so only catalogs up to <see cref="MaxUnits"/> units are compiled
/// this way; larger ones run on the shared-node network, where sharing already does most of the work.
/// </summary>
internal static class NetworkCompiler
{
    /// <summary>The largest number of units (segments, groups, scores) compiled to straight-line code.</summary>
    public const int MaxUnits = 100;

    private const int UnitsPerChunk = 24;

    public static Action<Frame<TProfile>>[] Compile<TProfile>(Network<TProfile> network) =>
        [.. network.Units.Chunk(UnitsPerChunk).Select(chunk => CompileChunk(network, chunk))];

    private static Action<Frame<TProfile>> CompileChunk<TProfile>(Network<TProfile> network, Unit<TProfile>[] units)
    {
        var frame = Parameter(typeof(Frame<TProfile>), "frame");
        var context = new Context<TProfile>(network, frame);
        var body = units.Select(context.Unit).ToList();
        body.Add(Empty());
        return Lambda<Action<Frame<TProfile>>>(Block(context.Variables, body), frame).Compile();
    }

    private sealed class Context<TProfile>(Network<TProfile> network, ParameterExpression frame)
    {
        private static readonly MethodInfo FailFrom = typeof(Helpers<TProfile>).GetMethod(nameof(Helpers<TProfile>.FailFrom))!;
        private static readonly MethodInfo ReferenceFault = typeof(Helpers<TProfile>).GetMethod(nameof(Helpers<TProfile>.ReferenceFault))!;
        private static readonly MethodInfo AssignMembership = typeof(Helpers<TProfile>).GetMethod(nameof(Helpers<TProfile>.AssignMembership))!;
        private static readonly MethodInfo ValueOf = typeof(Network<TProfile>).GetMethod(nameof(Network<TProfile>.Value))!;
        private static readonly MethodInfo ComputeNode = typeof(ConditionNode<TProfile>).GetMethod(nameof(ConditionNode<TProfile>.Compute))!;
        private static readonly MethodInfo ResolveThresholds = typeof(ThresholdIndex<TProfile>).GetMethod(nameof(ThresholdIndex<TProfile>.Resolve))!;
        private static readonly MethodInfo RunUnit = typeof(Unit<TProfile>).GetMethod(nameof(Unit<TProfile>.Run))!;

        private readonly Expression conditions = Field(frame, nameof(Frame<TProfile>.Conditions));
        private readonly Expression conditionFaults = Field(frame, nameof(Frame<TProfile>.ConditionFaults));
        private readonly Expression networkConstant = Constant(network);

        public List<ParameterExpression> Variables { get; } = [];

        public Expression Unit(Unit<TProfile> unit) => unit switch
        {
            SegmentUnit<TProfile> segment => Call(AssignMembership, frame, Constant(segment.Slot), Constant(segment.Condition.Index), Condition(segment.Condition)),
            _ => Call(Constant(unit, typeof(Unit<TProfile>)), RunUnit, networkConstant, frame),
        };

        private Expression Condition(ConditionNode<TProfile> node)
        {
            var state = Variable(typeof(Tri), $"c{node.Index}");
            Variables.Add(state);
            var memo = ArrayAccess(conditions, Constant(node.Index));
            return Block(
                Assign(state, memo),
                IfThen(Equal(state, Constant(Tri.Unknown)), Block(Assign(state, Compute(node)), Assign(memo, state))),
                state);
        }

        private Expression Compute(ConditionNode<TProfile> node) => node switch
        {
            ComparisonNode<TProfile> { Thresholds: { } thresholds } indexed => Block(
                Call(Constant(thresholds), ResolveThresholds, networkConstant, frame),
                ArrayAccess(conditions, Constant(indexed.Index))),
            ComparisonNode<TProfile> comparison => Comparison(comparison),
            ReferenceNode<TProfile> reference => Reference(reference),
            JunctionNode<TProfile> junction => Junction(junction, junction.Children, junction.Decisive),
            NotNode<TProfile> not => Not(not),
            _ => Call(Constant(node, typeof(ConditionNode<TProfile>)), ComputeNode, networkConstant, frame),
        };

        private Expression Comparison(ComparisonNode<TProfile> node)
        {
            var index = Constant(node.Value.Index);
            var state = Variable(typeof(Tri), $"v{node.Index}");
            Variables.Add(state);
            var value = ArrayAccess(Field(frame, nameof(Frame<TProfile>.Values)), index);
            var fault = ArrayAccess(Field(frame, nameof(Frame<TProfile>.ValueFaults)), index);
            return Block(
                Assign(state, ArrayAccess(Field(frame, nameof(Frame<TProfile>.ValueState)), index)),
                IfThen(Equal(state, Constant(Tri.Unknown)), Assign(state, Call(networkConstant, ValueOf, index, frame))),
                Expression.Condition(
                    Equal(state, Constant(Tri.True)),
                    Expression.Condition(Matches(value, node.Comparison), Constant(Tri.True), Constant(Tri.False)),
                    Expression.Condition(
                        Equal(state, Constant(Tri.Fault)),
                        Call(FailFrom, frame, Constant(node.Index), fault),
                        Constant(Tri.False))));
        }

        private static Expression Matches(Expression value, Comparison comparison)
        {
            var threshold = Constant(comparison.Threshold);
            return comparison.Operator switch
            {
                ComparisonOperator.AtLeast => GreaterThanOrEqual(value, threshold),
                ComparisonOperator.AtMost => LessThanOrEqual(value, threshold),
                ComparisonOperator.GreaterThan => GreaterThan(value, threshold),
                ComparisonOperator.LessThan => LessThan(value, threshold),
                ComparisonOperator.EqualTo => Equal(value, threshold),
                ComparisonOperator.NotEqualTo => NotEqual(value, threshold),
                _ => AndAlso(GreaterThanOrEqual(value, threshold), LessThanOrEqual(value, Constant(comparison.Upper ?? comparison.Threshold))),
            };
        }

        private Expression Reference(ReferenceNode<TProfile> node)
        {
            var membership = ArrayAccess(Field(frame, nameof(Frame<TProfile>.Memberships)), Constant(node.Slot));
            var (whenIn, whenOut) = node.Negated ? (Tri.False, Tri.True) : (Tri.True, Tri.False);
            return Expression.Condition(
                Equal(membership, Constant(SegmentState.In)),
                Constant(whenIn),
                Expression.Condition(
                    Equal(membership, Constant(SegmentState.Out)),
                    Constant(whenOut),
                    Call(ReferenceFault, frame, Constant(node.Index), Constant(node.Slot), Constant(node.TargetId))));
        }

        private Expression Junction(ConditionNode<TProfile> node, ConditionNode<TProfile>[] children, Tri decisive)
        {
            var firstFault = Variable(typeof(int), $"f{node.Index}");
            Variables.Add(firstFault);
            var done = Label(typeof(Tri), $"done{node.Index}");
            var body = new List<Expression> { Assign(firstFault, Constant(-1)) };
            foreach (var child in children)
            {
                var state = Variable(typeof(Tri), $"j{node.Index}_{child.Index}");
                Variables.Add(state);
                body.Add(Assign(state, Condition(child)));
                body.Add(IfThen(Equal(state, Constant(decisive)), Return(done, Constant(decisive))));
                body.Add(IfThen(AndAlso(Equal(state, Constant(Tri.Fault)), LessThan(firstFault, Constant(0))), Assign(firstFault, Constant(child.Index))));
            }

            var otherwise = decisive == Tri.False ? Tri.True : Tri.False;
            body.Add(Label(done, Expression.Condition(
                LessThan(firstFault, Constant(0)),
                Constant(otherwise),
                Call(FailFrom, frame, Constant(node.Index), ArrayAccess(conditionFaults, firstFault)))));
            return Block(body);
        }

        private Expression Not(NotNode<TProfile> node)
        {
            var inner = Variable(typeof(Tri), $"n{node.Index}");
            Variables.Add(inner);
            return Block(
                Assign(inner, Condition(node.Inner)),
                Expression.Condition(
                    Equal(inner, Constant(Tri.True)),
                    Constant(Tri.False),
                    Expression.Condition(
                        Equal(inner, Constant(Tri.False)),
                        Constant(Tri.True),
                        Call(FailFrom, frame, Constant(node.Index), ArrayAccess(conditionFaults, Constant(node.Inner.Index))))));
        }
    }

    /// <summary>The out-of-line parts of generated code: fault bookkeeping and membership assignment.</summary>
    public static class Helpers<TProfile>
    {
        private static readonly SegmentState[] StateOf = [SegmentState.Faulted, SegmentState.In, SegmentState.Out, SegmentState.Faulted];

        public static Tri FailFrom(Frame<TProfile> frame, int index, FaultInfo? fault)
        {
            frame.ConditionFaults[index] = fault;
            frame.HasFaults = true;
            return Tri.Fault;
        }

        public static Tri ReferenceFault(Frame<TProfile> frame, int index, int slot, string targetId) =>
            FailFrom(frame, index, frame.MembershipFaults[slot]!.Through(targetId));

        public static void AssignMembership(Frame<TProfile> frame, int slot, int conditionIndex, Tri outcome)
        {
            frame.Memberships[slot] = StateOf[(int)outcome];
            if (outcome == Tri.Fault)
            {
                frame.MembershipFaults[slot] = frame.ConditionFaults[conditionIndex];
                frame.HasFaults = true;
            }
        }
    }
}
