using Microsoft.Extensions.Logging;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Tiered execution of a network, the way a JIT tiers up: evaluation starts on the shared-node network and switches to
/// generated straight-line code (see <see cref="NetworkCompiler"/>) chunk by chunk as each chunk is compiled.
/// </summary>
/// <remarks>
/// <para>
/// The units are cut into chunks in stratum order, each small enough for the JIT to optimize fully (see <see cref="NetworkCompiler.ChunkStarts{TProfile}"/>). Each chunk's delegate
/// is published on its own with a volatile write, and when every chunk is there the whole array is published in one
/// more volatile write, which selects the fast path. An evaluation reads each chunk slot once, at the moment it needs
/// that chunk, so an evaluation in flight during a swap simply runs some chunks on the network and the rest as code.
/// </para>
/// <para>
/// That mixed run is exact because generated code is only trusted on profiles without faults: it reads memberships,
/// scores and accumulators written by network units, so after a mixed run the frame is checked for any recorded fault
/// (a faulted membership, value or score, or an accumulator whose scan threw or whose sum overflowed) and, when there is one, the profile is
/// evaluated again on the network alone, exactly as when generated code throws. Three-valued logic makes a fault-free
/// outcome independent of which tier evaluated which unit.
/// </para>
/// </remarks>
internal sealed class CodeTier<TProfile>
{
    private readonly Network<TProfile> network;
    private readonly int[] starts;
    private readonly Action<Frame<TProfile>>?[] chunks;
    private readonly Lock replacing = new();
    private Action<Frame<TProfile>>[]? complete;
    private int published;
    private long fallbacks;
    private CodePromotion<TProfile>? pendingPromotion;

    public CodeTier(Network<TProfile> network, int unitsPerChunk = NetworkCompiler.UnitsPerChunk, int weightPerChunk = NetworkCompiler.WeightPerChunk)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unitsPerChunk, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(weightPerChunk, 1);
        this.network = network;
        starts = NetworkCompiler.ChunkStarts(network, unitsPerChunk, weightPerChunk);
        chunks = new Action<Frame<TProfile>>?[Math.Max(starts.Length - 1, 0)];
    }

    /// <summary>The network this tier runs.</summary>
    public Network<TProfile> Network => network;

    /// <summary>Where each chunk's units start, then the end.</summary>
    public IReadOnlyList<int> Starts => starts;

    /// <summary>The number of chunks the units are cut into.</summary>
    public int ChunkCount => chunks.Length;

    /// <summary>How many chunks run generated code.</summary>
    public int GeneratedChunks => Volatile.Read(ref published);

    /// <summary>Whether every unit runs generated code.</summary>
    public bool IsComplete => Volatile.Read(ref complete) is not null;

    /// <summary>How many evaluations left generated code for the node network because something threw or faulted.</summary>
    public long Fallbacks => Interlocked.Read(ref fallbacks);

    /// <summary>
    /// The promotion of this tier's code to methods the runtime tiers up (<see cref="GeneratedCodeLifetime.Automatic"/>),
    /// requested by <see cref="Run"/> once a thread's frame has made its threshold of evaluations on generated code;
    /// <see langword="null"/> when the engine's code is never promoted.
    /// </summary>
    public CodePromotion<TProfile>? Promotion { get; private set; }

    /// <summary>
    /// Arranges for this tier's code to be promoted once a thread has made <paramref name="evaluations"/> evaluations on
    /// generated code (see <see cref="Promotion"/>); called once, before the engine is returned.
    /// </summary>
    public void PromoteAfter(int evaluations, CodePromotionBudget budget, ILogger? logger) =>
        Promotion = pendingPromotion = new CodePromotion<TProfile>(this, evaluations, budget, logger);

    /// <summary>The units of chunk <paramref name="chunk"/>.</summary>
    public ReadOnlySpan<Unit<TProfile>> UnitsOf(int chunk) => network.Units.AsSpan(starts[chunk], starts[chunk + 1] - starts[chunk]);

    /// <summary>Whether chunk <paramref name="chunk"/> runs generated code.</summary>
    public bool IsGenerated(int chunk) => Volatile.Read(ref chunks[chunk]) is not null;

    /// <summary>Whether chunk <paramref name="chunk"/> runs as a method the runtime tiers up (see <see cref="NetworkCompiler.MaxEmittedChunks"/>).</summary>
    public bool IsEmitted(int chunk) => Volatile.Read(ref chunks[chunk]) is { } code && EmittedMethods.Emitted(code);

    /// <summary>
    /// Publishes the compiled code of one chunk (compiled for this network by <see cref="NetworkCompiler.CompileChunk{TProfile}"/>);
    /// safe to call from any thread, while evaluations run. Returns whether every chunk now runs generated code.
    /// </summary>
    public bool Publish(int chunk, Action<Frame<TProfile>> code)
    {
        if (Interlocked.CompareExchange(ref chunks[chunk], code, null) is not null)
        {
            return IsComplete;
        }

        if (Interlocked.Increment(ref published) != chunks.Length)
        {
            return false;
        }

        Volatile.Write(ref complete, [.. chunks.Select(c => c!)]);
        return true;
    }

    /// <summary>
    /// Replaces the code of a chunk that already runs generated code with the same code compiled differently (see
    /// <see cref="CodePromotion{TProfile}"/>); safe while evaluations run: each reads the chunk, or the whole array, once.
    /// </summary>
    public void Replace(int chunk, Action<Frame<TProfile>> code)
    {
        lock (replacing)
        {
            if (Volatile.Read(ref chunks[chunk]) is null)
            {
                throw new InvalidOperationException($"Chunk {chunk} has no code to replace.");
            }

            Volatile.Write(ref chunks[chunk], code);
            if (IsComplete)
            {
                Volatile.Write(ref complete, [.. chunks.Select(c => c!)]);
            }
        }
    }

    /// <summary>Evaluates every unit for the profile in a freshly reset frame, on whichever tier each chunk has reached.</summary>
    public void Run(Frame<TProfile> frame)
    {
        if (Volatile.Read(ref complete) is { } all)
        {
            if (pendingPromotion is { } promotion && frame.Epoch >= promotion.Threshold)
            {
                pendingPromotion = null;
                promotion.Request();
            }

            try
            {
                foreach (var chunk in all)
                {
                    chunk(frame);
                }

                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                FallBack(frame);
                return;
            }
        }

        if (Volatile.Read(ref published) == 0)
        {
            network.RunNodes(frame);
            return;
        }

        RunMixed(frame);
    }

    private void RunMixed(Frame<TProfile> frame)
    {
        try
        {
            var units = network.Units;
            for (var i = 0; i < chunks.Length; i++)
            {
                if (Volatile.Read(ref chunks[i]) is { } code)
                {
                    code(frame);
                    continue;
                }

                for (var u = starts[i]; u < starts[i + 1]; u++)
                {
                    units[u].Run(network, frame);
                }
            }

            if (!frame.HasFaults && !AnyAccumulatorFault(frame))
            {
                return;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Generated code threw: evaluated again on the network below.
        }

        FallBack(frame);
    }

    private void FallBack(Frame<TProfile> frame)
    {
        Interlocked.Increment(ref fallbacks);
        frame.Reset(frame.Profile, frame.AsOf);
        network.RunNodes(frame);
    }

    /// <summary>
    /// Whether a collection scanned in this evaluation isolated a fault in one of its accumulators, whole or in one part
    /// (an overflowing sum): generated code reads accumulators without fault checks, so it would miss it.
    /// </summary>
    private bool AnyAccumulatorFault(Frame<TProfile> frame)
    {
        var collections = network.Collections;
        for (var c = 0; c < collections.Length; c++)
        {
            if (!frame.IsScanned(c))
            {
                continue;
            }

            foreach (var spec in collections[c].Specs)
            {
                if (frame.Accumulators[spec.Slot].FaultOf(spec.Parts) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
