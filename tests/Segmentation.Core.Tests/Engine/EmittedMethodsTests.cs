using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using Segmentation.Core.Engine.Network;
using static System.Linq.Expressions.Expression;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// Lambdas compiled into the process's tiered dynamic assembly: constants IL cannot hold, private and internal members of
/// other assemblies, read-only references to array elements, and what the emitter must leave to
/// <see cref="LambdaExpression.Compile()"/> (the result is the same either way).
/// </summary>
public sealed class EmittedMethodsTests
{
    [Fact]
    public void Compile_CapturedObjectsAndArrays_EmitsANonCollectibleMethodThatReadsThem()
    {
        var list = new List<int> { 1, 2, 3 };
        var weights = new[] { 10, 20 };
        Expression<Func<int, int>> lambda = i => list[i] + weights[i % 2];

        var code = EmittedMethods.Compile(lambda);

        code(1).Should().Be(22);
        code(2).Should().Be(13);
        EmittedMethods.Emitted(code).Should().BeTrue(EmittedMethods.WhyNotEmitted(code));
        code.Method.DeclaringType!.Assembly.IsCollectible.Should().BeFalse();
        weights[0] = 100;
        code(2).Should().Be(103, "the code holds the captured array itself, not a copy");
    }

    [Fact]
    public void Compile_ReadOnlyReferenceToAnArrayElement_PassesThatElement()
    {
        var items = Parameter(typeof(Wide[]), "items");
        var lambda = Lambda<Func<Wide[], long>>(Call(Method(nameof(SumOf)), ArrayAccess(items, Constant(1))), items);

        var code = EmittedMethods.Compile(lambda);

        code([new Wide(1, 2, 3, 4), new Wide(10, 20, 30, 40)]).Should().Be(100);
        EmittedMethods.Emitted(code).Should().BeTrue(EmittedMethods.WhyNotEmitted(code));
    }

    [Fact]
    public void Compile_WritableReferenceToAnArrayElement_FallsBackAndWritesTheElement()
    {
        var values = Parameter(typeof(long[]), "values");
        var lambda = Lambda<Action<long[]>>(Call(Method(nameof(Increment)), ArrayAccess(values, Constant(0))), values);

        var code = EmittedMethods.Compile(lambda);
        var array = new long[] { 41 };
        code(array);

        array[0].Should().Be(42);
        EmittedMethods.Emitted(code).Should().BeFalse();
        EmittedMethods.WhyNotEmitted(code).Should().Contain("writable reference argument");
    }

    [Fact]
    public void Compile_PrivateFieldOfAnotherAssembly_IsReached()
    {
        var list = Parameter(typeof(List<int>), "list");
        var items = typeof(List<int>).GetField("_items", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var lambda = Lambda<Func<List<int>, int>>(ArrayLength(Field(list, items)), list);

        var code = EmittedMethods.Compile(lambda);

        code(new List<int>(37)).Should().Be(37);
        EmittedMethods.Emitted(code).Should().BeTrue(EmittedMethods.WhyNotEmitted(code));
    }

    [Fact]
    public void Compile_InternalFieldOfAnAssemblyNamedForTheFirstTimeLater_IsReached()
    {
        // Arrange: another emitted method first, so that the module exists before Regex's assembly is granted access to.
        Expression<Func<int, int>> first = i => i + 1;
        EmittedMethods.Compile(first)(1).Should().Be(2);
        var regex = Parameter(typeof(Regex), "regex");
        var pattern = typeof(Regex).GetField("pattern", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var lambda = Lambda<Func<Regex, string?>>(Field(regex, pattern), regex);

        // Act
        var code = EmittedMethods.Compile(lambda);

        // Assert
        code(new Regex("a+b")).Should().Be("a+b");
        EmittedMethods.Emitted(code).Should().BeTrue(EmittedMethods.WhyNotEmitted(code));
    }

    [Fact]
    public void Compile_NestedLambda_FallsBackToADynamicMethodAndSaysWhy()
    {
        var threshold = 5;
        Expression<Func<int[], bool>> lambda = a => a.Any(v => v > threshold);

        var code = EmittedMethods.Compile(lambda);

        code([1, 6]).Should().BeTrue();
        code([1, 5]).Should().BeFalse();
        EmittedMethods.Emitted(code).Should().BeFalse("the emitter does not put a lambda inside a method");
        EmittedMethods.WhyNotEmitted(code).Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Compile_FromManyThreadsAtOnce_EveryMethodReadsItsOwnConstants()
    {
        var compiled = await Task.WhenAll(Enumerable.Range(0, 24).Select(k => Task.Run(() =>
        {
            var offset = new[] { k };
            Expression<Func<int, int>> lambda = i => i + offset[0];
            return (k, code: EmittedMethods.Compile(lambda));
        })));

        compiled.Should().OnlyContain(c => c.code(1000) == 1000 + c.k && EmittedMethods.Emitted(c.code));
    }

    private static MethodInfo Method(string name) => typeof(EmittedMethodsTests).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    private static long SumOf(in Wide wide) => wide.A + wide.B + wide.C + wide.D;

    private static void Increment(ref long value) => value++;

    private readonly record struct Wide(long A, long B, long C, long D);
}
