using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planning.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunSolver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "solver",
                table: "runs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "solver",
                table: "runs");
        }
    }
}
