namespace Segmentation.Core.Semantics;

/// <summary>
/// A dated collection's items, read the way the generated loops and the scan read them: an array or a
/// <see cref="List{T}"/> (a subclass included) by index, anything else through <see cref="IEnumerable{T}"/>. Every path
/// that walks facts outside the generated loops (the interpreted scan, fault isolation, valid-until) goes this way, so a list type that implements
/// <see cref="IEnumerable{T}"/> anew is read alike everywhere. A struct: <c>foreach</c> over it allocates nothing for
/// arrays and lists.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
internal readonly struct FactItems<TItem>(IEnumerable<TItem> source)
{
    /// <summary>The enumerator <c>foreach</c> uses.</summary>
    public Enumerator GetEnumerator() => new(source);

    /// <summary>Walks an array or a list by index, anything else through its <see cref="IEnumerable{T}"/> enumerator.</summary>
    public struct Enumerator : IDisposable
    {
        private readonly TItem[]? array;
        private readonly List<TItem>? list;
        private readonly IEnumerator<TItem>? other;
        private int index;

        internal Enumerator(IEnumerable<TItem> source)
        {
            array = source as TItem[];
            list = array is null ? source as List<TItem> : null;
            other = array is null && list is null ? source.GetEnumerator() : null;
            index = -1;
            Current = default!;
        }

        /// <summary>The current item.</summary>
        public TItem Current { get; private set; }

        /// <summary>Moves to the next item.</summary>
        public bool MoveNext()
        {
            if (array is not null)
            {
                return ++index < array.Length && Set(array[index]);
            }

            if (list is not null)
            {
                return ++index < list.Count && Set(list[index]);
            }

            return other!.MoveNext() && Set(other.Current);
        }

        /// <summary>Disposes the interface enumerator, if there is one.</summary>
        public readonly void Dispose() => other?.Dispose();

        private bool Set(TItem item)
        {
            Current = item;
            return true;
        }
    }
}
