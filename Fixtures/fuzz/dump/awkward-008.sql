--
-- Name: ghost_in_function; Type: TABLE; Schema: public; Owner: postgres
--
    RETURN '$$ dollars $$';
END
$_$;


ALTER FUNCTION public.ghost_fn() OWNER TO postgres;

