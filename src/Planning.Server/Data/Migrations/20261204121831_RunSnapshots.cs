using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planning.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "input_json",
                table: "runs",
                newName: "snapshot_json");

            migrationBuilder.AddColumn<int>(
                name: "snapshot_format",
                table: "runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "snapshot_format",
                table: "runs");

            migrationBuilder.RenameColumn(
                name: "snapshot_json",
                table: "runs",
                newName: "input_json");
        }
    }
}
