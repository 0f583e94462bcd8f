using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planning.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The engine's violation kinds now carry the contract's names.
            migrationBuilder.Sql("""
                UPDATE run_violations SET kind = CASE kind
                    WHEN 'SchoolOverSize' THEN 'SchoolSize'
                    WHEN 'GradeOverCapacity' THEN 'ClassSize'
                    WHEN 'Shortfall' THEN 'SeatsShort'
                    ELSE kind END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE run_violations SET kind = CASE kind
                    WHEN 'SchoolSize' THEN 'SchoolOverSize'
                    WHEN 'ClassSize' THEN 'GradeOverCapacity'
                    WHEN 'SeatsShort' THEN 'Shortfall'
                    ELSE kind END;
                """);
        }
    }
}
