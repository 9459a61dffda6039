namespace OpenCcs.Core.Calendar;

/// <summary>
/// A holiday in a given year: <see cref="Date"/> is the day offices close for it (a Sunday holiday
/// moved to Monday, Veterans Day on a Saturday moved to Friday) or, for other Saturday holidays,
/// the Saturday itself, since no weekday is given off.
/// </summary>
public readonly record struct ObservedHoliday(DateOnly Date, string Name);
