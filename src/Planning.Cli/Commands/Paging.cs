using Planning.Client.Api;
using Spectre.Console;

namespace Planning.Cli.Commands;

internal static class Paging
{
    /// <summary>"showing 50 of 112 schools; next page: --page-token …".</summary>
    public static void WriteFooter<T>(IAnsiConsole console, Page<T> page, string what)
    {
        console.MarkupLineInterpolated($"[grey]showing {page.Items.Count} of {page.TotalCount} {what}[/]");
        if (page.NextPageToken.Length > 0)
        {
            console.MarkupLineInterpolated($"[grey]next page: --page-token {page.NextPageToken}  (or --all)[/]");
        }
    }

    public static async Task<Page<T>> AllAsPage<T>(Task<IReadOnlyList<T>> all)
    {
        var items = await all;
        return new Page<T>(items, "", items.Count);
    }
}
