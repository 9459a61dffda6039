namespace OpenCcs.Core.Common;

/// <summary>Languages a family may receive notices in (DOMAIN.md §8: English and Spanish at least).</summary>
public enum Language
{
    English,
    Spanish,
    Hmong,
    Chinese,
    Vietnamese,
    Russian,
    Tagalog,
    Korean,
    Persian,
    Punjabi,
}
